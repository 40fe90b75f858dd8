package com.bffaccounting.gate.helm;

import com.bffaccounting.gate.model.ReleaseRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chart of Step 3, rendered by the real Helm library with the pilot's values. */
class ChartTest {
    static final Path CHART = Path.of("charts/bff-accounting");
    static final String ALLOWLIST = "[\"default\",\"pilot-a\"]";
    static final String REPO = "ghcr.io/tristan00037-tristan050/tristan050-ai_ondevice_app/bff-accounting";
    static RenderedChart rendered;

    @BeforeAll
    static void render() {
        rendered = RenderedChart.parse(HelmClient.template(CHART, "bff", "accounting",
                HelmValues.pilot(ALLOWLIST, REPO, "r7-h-pilot-20251203")));
    }

    static ChartVerifier.Expectation pilotExpectation(HelmValues values) {
        return new ChartVerifier.Expectation(new ReleaseRef("accounting", "bff-accounting", "bff", 8081), values,
                REPO + ":r7-h-pilot-20251203", ALLOWLIST, "ExternalSyncStale");
    }

    private static JsonNode deployment() {
        return rendered.first("Deployment").orElseThrow().body();
    }

    private static JsonNode container() {
        return deployment().path("spec").path("template").path("spec").path("containers").path(0);
    }

    @Test
    void lintStrictIsClean() {
        LintResult lint = HelmClient.lint(CHART);
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    @Test
    void rendersTheExpectedKinds() {
        assertThat(rendered.manifests()).extracting(RenderedChart.Manifest::kind)
                .containsExactlyInAnyOrder("Deployment", "Service", "ServiceMonitor", "PrometheusRule");
        assertThat(rendered.first("Deployment").orElseThrow().name()).isEqualTo("bff-accounting");
    }

    @Test
    void allowlistReachesTheContainerByteForByte() {
        assertThat(ChartVerifier.envValue(container(), "OS_TENANT_ALLOWLIST_JSON")).hasValue(ALLOWLIST);
        assertThat(ChartVerifier.envValue(container(), "USE_PG")).hasValue("1");
    }

    @Test
    void imageIsRepositoryColonTagAndTagDefaultsToAppVersion() {
        assertThat(container().path("image").asText()).isEqualTo(REPO + ":r7-h-pilot-20251203");
        RenderedChart noTag = RenderedChart.parse(HelmClient.template(CHART, "bff", "accounting",
                new HelmValues().set("image.repository", "ghcr.io/acme/bff")));
        assertThat(noTag.first("Deployment").orElseThrow().body().at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("ghcr.io/acme/bff:r7-h-pilot-20251203");
    }

    @Test
    void probesPortsAndSecurityContext() {
        assertThat(container().at("/readinessProbe/httpGet/path").asText()).isEqualTo("/ready");
        assertThat(container().at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health");
        assertThat(container().at("/ports/0/name").asText()).isEqualTo("http");
        assertThat(container().at("/ports/0/containerPort").asInt()).isEqualTo(8081);
        assertThat(container().at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container().at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(container().at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
        assertThat(deployment().at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container().at("/resources/requests/cpu").asText()).isNotEmpty();
        assertThat(deployment().at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
    }

    @Test
    void recommendedLabelsAndConsistentSelectors() {
        JsonNode labels = deployment().at("/spec/template/metadata/labels");
        assertThat(labels.path("app.kubernetes.io/name").asText()).isEqualTo("bff-accounting");
        assertThat(labels.path("app.kubernetes.io/instance").asText()).isEqualTo("bff");
        assertThat(labels.path("app.kubernetes.io/version").asText()).isEqualTo("r7-h-pilot-20251203");
        Map<String, String> probes = new HashMap<>();
        assertThat(ChartVerifier.checkRendered(rendered, pilotExpectation(new HelmValues()), probes)).isEmpty();
        assertThat(probes).containsEntry("readinessProbe", "/ready").containsEntry("livenessProbe", "/health");
    }

    @Test
    void aSecretTheChartDoesNotRenderIsMissingInTheNamespaceOrUndecidedWithoutOne() {
        RenderedChart withSecret = RenderedChart.parse(HelmClient.template(CHART, "bff", "accounting",
                new HelmValues().set("secretEnv[0].name", "DATABASE_URL").set("secretEnv[0].secretName", "bff-db")
                        .set("secretEnv[0].key", "url")));
        ChartReferences.Outcome absent = ChartReferences.check(withSecret, "accounting", (kind, name) -> ChartReferences.Lookup.of(false));
        assertThat(absent.missing()).singleElement().satisfies(p -> assertThat(p)
                .contains("templates/deployment.yaml", "env DATABASE_URL", "Secret bff-db (key url)", "namespace accounting"));
        assertThat(ChartReferences.check(withSecret, "accounting", (kind, name) -> ChartReferences.Lookup.of(true)).missing()).isEmpty();
        ChartReferences.Outcome noCluster = ChartReferences.check(withSecret, "accounting", ChartReferences.Namespace.UNKNOWN);
        assertThat(noCluster.missing()).isEmpty();
        assertThat(noCluster.undecided()).singleElement().satisfies(p -> assertThat(p).contains("Secret bff-db"));
    }

    @Test
    void aChartWithoutTheScrapeTargetOrTheAlertGoesBlind() {
        RenderedChart blind = RenderedChart.parse(HelmClient.template(CHART, "bff", "accounting",
                new HelmValues().set("serviceMonitor.enabled", "false").set("prometheusRule.enabled", "false")));
        assertThat(ChartVerifier.checkRendered(blind, pilotExpectation(new HelmValues()), new HashMap<>()))
                .anySatisfy(p -> assertThat(p).startsWith("no ServiceMonitor is rendered"))
                .anySatisfy(p -> assertThat(p).contains("no ExternalSyncStale alert would ever fire"));
    }

    @Test
    void secretsComeFromExistingSecretsOnly() {
        RenderedChart withSecret = RenderedChart.parse(HelmClient.template(CHART, "bff", "accounting",
                new HelmValues().set("secretEnv[0].name", "DATABASE_URL").set("secretEnv[0].secretName", "bff-db")
                        .set("secretEnv[0].key", "url")));
        JsonNode env = withSecret.first("Deployment").orElseThrow().body().at("/spec/template/spec/containers/0/env");
        List<JsonNode> database = new ArrayList<>();
        env.forEach(e -> {
            if (e.path("name").asText().equals("DATABASE_URL")) {
                database.add(e);
            }
        });
        assertThat(database).hasSize(1);
        assertThat(database.get(0).has("value")).isFalse();
        assertThat(database.get(0).at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("bff-db");
        assertThat(withSecret.manifests()).noneMatch(m -> m.kind().equals("Secret"));
    }

    @Test
    void prometheusRuleKeepsAlertTemplatesLiteral() {
        JsonNode rule = rendered.first("PrometheusRule").orElseThrow().body().at("/spec/groups/0/rules/0");
        assertThat(rule.path("alert").asText()).isEqualTo("ExternalSyncStale");
        assertThat(rule.path("expr").asText()).isEqualTo("time() - external_sync_last_ts_seconds > 300");
        assertThat(rule.path("for").asText()).isEqualTo("5m");
        assertThat(rule.at("/labels/severity").asText()).isEqualTo("critical");
        assertThat(rule.at("/annotations/summary").asText()).contains("{{ $labels.source }}");
    }

    @Test
    void badValuesFailWithTheSchemasMessage() {
        assertThatThrownBy(() -> HelmClient.template(CHART, "bff", "accounting",
                new HelmValues().set("image.repository", "GHCR.io/Upper/Case")))
                .hasMessageContaining("/image/repository");
        assertThatThrownBy(() -> HelmClient.template(CHART, "bff", "accounting",
                new HelmValues().set("env.OS_TENANT_ALLOWLIST_JSON", "default,pilot-a")))
                .hasMessageContaining("/env/OS_TENANT_ALLOWLIST_JSON");
        assertThatThrownBy(() -> HelmClient.template(CHART, "bff", "accounting",
                new HelmValues().set("replicaCount", "many")))
                .hasMessageContaining("/replicaCount");
    }
}
