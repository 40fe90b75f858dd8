package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.io.Trees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Charts that are not ours, as a team would bring them: C5.2 must judge what makes a deploy fail or go
 * blind, naming the object — a FAIL in sim (which has a cluster to ask), never a PASS without one — and
 * the all-kinds test chart (this project's chart plus one object of every kind charts commonly carry)
 * must deploy and roll back in the simulated cluster.
 */
class ForeignChartsTest {
    private static final Path CHART = Path.of("charts/bff-accounting");
    private static final Path ALL_KINDS = Path.of("src/test/resources/charts/bff-accounting-all-kinds");
    private final List<Path> made = new ArrayList<>();

    @AfterEach
    void removeCharts() throws IOException {
        for (Path chart : made) {
            Trees.delete(chart);
        }
    }

    @Test
    void aDeploymentReadingASecretNobodyCreatesFailsNamingIt() throws IOException {
        Path chart = variant("secret-not-rendered", "values.yaml", v -> v.replace("secretEnv: []",
                "secretEnv:\n  - name: DATABASE_URL\n    secretName: bff-db\n    key: url"));
        assertJudged(chart, "Secret bff-db (key url)", CheckStatus.INCONCLUSIVE);
    }

    /** An account that may not read Secrets (Kubernetes' own view role) cannot tell: undecided, never a FAIL. */
    @Test
    void aSecretTheAccountMayNotReadIsUndecidedNeverFailed() throws IOException {
        Path chart = variant("secret-forbidden", "values.yaml", v -> v.replace("secretEnv: []",
                "secretEnv:\n  - name: DATABASE_URL\n    secretName: bff-db\n    key: url"));
        FeatureRun run = FeatureRun.runTagged("chart-secret-forbidden", Map.of("env", "sim", "sim.faults", "forbid-secrets",
                "chart.path", chart.toString()), "@C5.2");
        assertThat(run.results()).as(run.describe()).filteredOn(r -> r.checklistIds().contains("C5.2")).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.INCONCLUSIVE);
                    assertThat(r.message()).contains("Secret bff-db (key url)").contains("kubectl auth can-i get secrets -n accounting");
                });
    }

    @Test
    void aServiceMonitorThatSelectsNoServiceFailsNamingIt() throws IOException {
        Path chart = variant("monitor-selects-nothing", "templates/servicemonitor.yaml", t -> t.replace(
                "{{- include \"bff-accounting.selectorLabels\" . | nindent 6 }}", "app.kubernetes.io/name: somebody-else"));
        assertJudged(chart, "templates/servicemonitor.yaml: spec.selector.matchLabels", CheckStatus.FAIL);
    }

    @Test
    void aValuesFileThatDoesNotParseFailsWithHelmsMessage() throws IOException {
        Path chart = variant("values-unparseable", "values.yaml", v -> v + "\nreplicaCount: [1, 2\n");
        assertJudged(chart, "values.yaml", CheckStatus.FAIL);
    }

    @Test
    void theAllKindsChartDeploysAndRollsBackInTheSimulatedCluster() throws IOException {
        // the test chart is this project's chart plus templates/all-kinds.yaml, file for file
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(ALL_KINDS.resolve(CHART.relativize(file).toString())).as("the test chart follows " + file)
                        .hasSameTextualContentAs(file);
            }
        }
        FeatureRun run = FeatureRun.run("all-kinds-deploy-rollback", Map.of("env", "sim", "sim.faults", "", "deploy", "true",
                "rollback", "true", "chart.path", ALL_KINDS.toString()));
        assertThat(run.failing()).as(run.describe()).isEmpty();
        assertThat(run.with(CheckStatus.INCONCLUSIVE)).as(run.describe()).isEmpty();
        assertThat(run.results()).as(run.describe())
                .filteredOn(r -> r.checklistIds().contains("C5.1") || r.checklistIds().contains("C13.1") || r.checklistIds().contains("C5.2"))
                .hasSize(3).allMatch(r -> r.status() == CheckStatus.PASS);
    }

    /** In sim C5.2 fails naming the object; without a cluster (local) it is never a pass. */
    private void assertJudged(Path chart, String names, CheckStatus withoutCluster) {
        FeatureRun sim = FeatureRun.runTagged("chart-" + chart.getFileName() + "-sim", Map.of("env", "sim", "sim.faults", "",
                "deploy", "false", "rollback", "false", "chart.path", chart.toString()), "@C5.2");
        assertThat(sim.results()).as(sim.describe()).filteredOn(r -> r.checklistIds().contains("C5.2")).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
                    assertThat(r.message()).contains(names);
                });
        FeatureRun local = FeatureRun.runTagged("chart-" + chart.getFileName() + "-local", Map.of("env", "local",
                "bff.url", "http://127.0.0.1:9", "sim.faults", "", "deploy", "false", "rollback", "false",
                "chart.path", chart.toString()), "@C5.2");
        assertThat(local.results()).as(local.describe()).filteredOn(r -> r.checklistIds().contains("C5.2")).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(withoutCluster);
                    assertThat(r.message()).contains(names);
                });
    }

    /** A copy of this project's chart with one file changed. */
    private Path variant(String name, String file, UnaryOperator<String> change) throws IOException {
        Path copy = Files.createTempDirectory("chart-" + name).resolve("bff-accounting");
        made.add(copy.getParent());
        Trees.copy(CHART, copy);
        Path changed = copy.resolve(file);
        String before = Files.readString(changed);
        String after = change.apply(before);
        assertThat(after).as("the variant " + name + " changes " + file).isNotEqualTo(before);
        Files.writeString(changed, after);
        return copy;
    }
}
