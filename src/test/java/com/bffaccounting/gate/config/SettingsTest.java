package com.bffaccounting.gate.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private static Settings settings(Map<String, String> system, Map<String, String> env, Map<String, String> file) {
        Properties sys = new Properties();
        sys.putAll(system);
        Properties props = new Properties();
        props.putAll(file);
        return Settings.from(new SettingSource(sys, env, props));
    }

    @Test
    void defaultsAreTheCustomersValues() {
        Settings s = settings(Map.of(), Map.of(), Map.of());
        assertThat(s.env).isEqualTo(Env.SIM);
        assertThat(s.gating.allowlist()).containsExactly("default", "pilot-a");
        assertThat(s.gating.nonPilotTenants()).containsExactly("pilot-b", "test-tenant", "unauthorized");
        assertThat(s.artifacts.imageTag()).isEqualTo("r7-h-pilot-20251203");
        assertThat(s.artifacts.rollbackTag()).isEqualTo("r7-final-20251203");
        assertThat(s.sync.maxLag()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.sync.maxErrorRate()).isEqualTo(0.05);
        assertThat(s.sync.p1Window()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.cluster.namespace()).isEqualTo("accounting");
        assertThat(s.cluster.deploy()).isFalse();
    }

    @Test
    void systemPropertyBeatsEnvVarBeatsFile() {
        Map<String, String> file = Map.of("bff.url", "http://file:1", "http.timeout", "3s", "gating.concurrency", "2");
        Map<String, String> env = Map.of("RELEASE_GATE_BFF_URL", "http://env:2", "RELEASE_GATE_HTTP_TIMEOUT", "4s");
        Settings s = settings(Map.of("env", "local", "bff.url", "http://sys:3"), env, file);
        assertThat(s.bff.url().toString()).isEqualTo("http://sys:3");
        assertThat(s.bff.httpTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(s.gating.concurrency()).isEqualTo(2);
    }

    @Test
    void envVarNamesFollowTheDocumentedRule() {
        assertThat(SettingsCatalog.FAIL_ON_INCOMPLETE.envVar()).isEqualTo("RELEASE_GATE_GATE_FAIL_ON_INCOMPLETE");
        assertThat(SettingsCatalog.BFF_URL.envVar()).isEqualTo("RELEASE_GATE_BFF_URL");
    }

    @Test
    void unknownEnvIsOneClearLine() {
        assertThatThrownBy(() -> settings(Map.of("env", "prod"), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("env: 'prod' is not one of sim, local, cluster — run with -Denv=sim (default), -Denv=local or -Denv=cluster");
    }

    @Test
    void malformedAllowlistNamesTheSettingAndTheFix() {
        assertThatThrownBy(() -> settings(Map.of("pilot.allowlist", "[\"default\",pilot-a]"), Map.of(), Map.of()))
                .hasMessageStartingWith("pilot.allowlist: '[\"default\",pilot-a]' is not valid JSON")
                .hasMessageContaining("write a JSON array")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void emptyAllowlistIsForbiddenDuringThePilot() {
        assertThatThrownBy(() -> settings(Map.of("pilot.allowlist", "[]"), Map.of(), Map.of()))
                .hasMessageContaining("lets every tenant in, which the pilot forbids");
    }

    @Test
    void badUrlAndNegativeDurationEachGetTheirLine() {
        assertThatThrownBy(() -> settings(Map.of("env", "local", "bff.url", "localhost:8081", "http.timeout", "-5m"), Map.of(), Map.of()))
                .hasMessageContaining("bff.url: 'localhost:8081' is not an http(s) URL")
                .hasMessageContaining("http.timeout: '-5m' is negative")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(2));
    }

    @Test
    void urlPasswordsAreMaskedInErrors() {
        assertThatThrownBy(() -> settings(Map.of("prometheus.url", "ftp://u:hunter22@host"), Map.of(), Map.of()))
                .hasMessageNotContaining("hunter22");
    }

    @Test
    void faultsNeedTheSimulatedPilot() {
        assertThatThrownBy(() -> settings(Map.of("env", "local", "sim.faults", "gating-off"), Map.of(), Map.of()))
                .hasMessageContaining("sim.faults: applies to sim, not to local (given by -D)");
    }

    @Test
    void secretHeaderValuesAndUrlPasswordsAreKnownSecrets() {
        Settings s = settings(Map.of("env", "local", "gating.probeHeaders", "X-User-Role=operator,X-Api-Key=S3CR3T-abc",
                "bff.databaseUrl", "postgres://app:pa55word@db:5432/app"), Map.of(), Map.of());
        assertThat(s.secretValues()).contains("S3CR3T-abc", "pa55word").doesNotContain("operator");
    }

    @Test
    void aSecretIsReadFromTheEnvironmentOrAFileAndMaskedEverywhere(@TempDir Path dir)
            throws Exception {
        Path keyFile = dir.resolve("db-password");
        Files.writeString(keyFile, "file-secret-42\n");
        Properties sys = new Properties();
        sys.put("env", "local");
        sys.put("gating.probeHeaders", "X-User-Role=auditor,X-Api-Key=${env:BFF_API_KEY}");
        sys.put("bff.databaseUrl", "postgres://app:${file:" + keyFile + "}@db:5432/app");
        Settings s = Settings.from(new SettingSource(sys, Map.of("BFF_API_KEY", "env-secret-42"), new Properties()));
        assertThat(s.gating.probeHeaders()).containsEntry("X-Api-Key", "env-secret-42").containsEntry("X-User-Role", "auditor");
        assertThat(s.bff.databaseUrl()).isEqualTo("postgres://app:file-secret-42@db:5432/app");
        assertThat(s.secretValues()).contains("env-secret-42", "file-secret-42");
        assertThat(s.literalSecretWarnings()).isEmpty();
        assertThat(s.redactor().redact("key env-secret-42, pw file-secret-42"))
                .isEqualTo("key ***, pw ***");
    }

    @Test
    void aMissingReferenceIsOneLineNamingTheSettingNotAValue() {
        Properties sys = new Properties();
        sys.put("registry.password", "${env:NO_SUCH_VARIABLE_XYZ}");
        assertThatThrownBy(() -> Settings.from(new SettingSource(sys, Map.of(), new Properties())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("registry.password: ${env:NO_SUCH_VARIABLE_XYZ} — the environment variable NO_SUCH_VARIABLE_XYZ is not set");
    }

    @Test
    void aLiteralSecretOnTheCommandLineIsWarnedAboutByNameOnly() {
        Settings s = settings(Map.of("env", "cluster", "gating.probeHeaders", "X-User-Role=operator,X-Api-Key=literal-key-123",
                "registry.password", "literal-pw-123"), Map.of(), Map.of());
        assertThat(s.literalSecretWarnings()).hasSize(2)
                .allSatisfy(w -> assertThat(w).doesNotContain("literal-key-123").doesNotContain("literal-pw-123").contains("${env:NAME}"))
                .anySatisfy(w -> assertThat(w).startsWith("gating.probeHeaders: the value of X-Api-Key"));
    }

    @Test
    void aLiteralSecretHeaderNextToAReferencedOneIsStillWarnedAbout() {
        Properties sys = new Properties();
        sys.put("gating.probeHeaders", "X-Api-Key=${env:BFF_API_KEY},Authorization=Bearer literal-token-123");
        Settings s = Settings.from(new SettingSource(sys, Map.of("BFF_API_KEY", "env-secret-42"), new Properties()));
        assertThat(s.literalSecretWarnings()).containsExactly("gating.probeHeaders: the value of Authorization is given literally"
                + " with -D, where ps and the shell history show it — write it as ${env:NAME} or ${file:PATH}");
    }

    @Test
    void systemPropertiesThatCarrySecretsAreMaskedInPlace() {
        Properties props = new Properties();
        props.put("gating.probeHeaders", "X-User-Role=operator,X-Api-Key=k-123456");
        props.put("registry.password", "pw-123456");
        props.put("bff.databaseUrl", "postgres://app:pw-654321@db/app");
        props.put("bff.env.STRIPE_KEY", "sk-123456");
        props.put("image.tag", "r7-h-pilot-20251203");
        props.put("javax.net.ssl.trustStorePassword", "changeit");
        SecretSettings.maskSystemProperties(props);
        assertThat(props).as("the JVM's own properties keep working").containsEntry("javax.net.ssl.trustStorePassword", "changeit");
        assertThat(props).containsEntry("gating.probeHeaders", "X-User-Role=operator,X-Api-Key=***")
                .containsEntry("registry.password", "***").containsEntry("bff.databaseUrl", "postgres://app:***@db/app")
                .containsEntry("bff.env.STRIPE_KEY", "***").containsEntry("image.tag", "r7-h-pilot-20251203");
    }

    // --- the catalogue: unknown names, safety switches, where a setting applies ---

    private static String errorOf(Map<String, String> system, Map<String, String> env, Map<String, String> file) {
        try {
            settings(system, env, file);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no setting error for " + system + " " + env + " " + file);
    }

    @Test
    void aMistypedSettingIsOneLineWithTheClosestName() {
        assertThat(errorOf(Map.of("clutser.context", "x"), Map.of(), Map.of()))
                .isEqualTo("unknown setting clutser.context — did you mean cluster.context?");
        assertThat(errorOf(Map.of("cluster.expectedContxt", "pilot-prod"), Map.of(), Map.of()))
                .isEqualTo("unknown setting cluster.expectedContxt — did you mean cluster.expectedContext?");
        assertThat(errorOf(Map.of("sim.nonsense", "1"), Map.of(), Map.of()))
                .isEqualTo("unknown setting sim.nonsense — the settings are listed in README.md (Settings)");
    }

    @Test
    void aMistypedPrefixedVariableIsOneLineWithTheClosestVariable() {
        assertThat(errorOf(Map.of(), Map.of("RELEASE_GATE_BFF_ULR", "http://x:1"), Map.of()))
                .isEqualTo("unknown setting RELEASE_GATE_BFF_ULR — did you mean RELEASE_GATE_BFF_URL (bff.url)?");
    }

    @Test
    void theJvmsOwnPropertiesAndOtherToolsAreNotOurs() {
        Settings s = settings(Map.of("http.proxyHost", "proxy", "http.nonProxyHosts", "localhost", "groups", "C4.1",
                "java.io.tmpdir", "/tmp", "gate.projectDir", "/x"), Map.of(), Map.of());
        assertThat(s.env).isEqualTo(Env.SIM);
    }

    @Test
    void unprefixedVariablesAreNotSettings() {
        Settings s = settings(Map.of(), Map.of("DEPLOY", "true", "ROLLBACK", "true", "ENV", "cluster", "BFF_URL", "http://x:1",
                "IMAGE_TAG", "other"), Map.of());
        assertThat(s.env).isEqualTo(Env.SIM);
        assertThat(s.cluster.deploy()).isFalse();
        assertThat(s.cluster.rollback()).isFalse();
        assertThat(s.artifacts.imageTag()).isEqualTo("r7-h-pilot-20251203");
    }

    @Test
    void safetySwitchesAreReadFromTheCommandLineOnly() {
        assertThat(errorOf(Map.of(), Map.of("RELEASE_GATE_DEPLOY", "true"), Map.of()))
                .isEqualTo("RELEASE_GATE_DEPLOY: deploy is a safety switch, read only from the command line (-Ddeploy=true),"
                        + " never from the environment — remove the variable");
        assertThat(errorOf(Map.of(), Map.of(), Map.of("rollback", "true")))
                .isEqualTo("config file: rollback is a safety switch, read only from the command line (-Drollback=true)");
        assertThat(settings(Map.of("deploy", "true"), Map.of(), Map.of()).cluster.deploy()).isTrue();
    }

    @Test
    void aSettingGivenForAnEnvItDoesNotApplyToIsRefused() {
        assertThat(errorOf(Map.of("registry.url", "http://127.0.0.1:1"), Map.of(), Map.of()))
                .isEqualTo("registry.url: applies to local, local with local.cluster=k3s, cluster, not to sim (given by -D)"
                        + " — remove it, or run the env it is for");
        assertThat(errorOf(Map.of("env", "local"), Map.of("RELEASE_GATE_KUBECONFIG", "/k"), Map.of()))
                .startsWith("kubeconfig: applies to cluster, not to local (given by RELEASE_GATE_KUBECONFIG)");
        assertThat(settings(Map.of("env", "local", "registry.url", "http://127.0.0.1:1"), Map.of(), Map.of()).registry.url())
                .isPresent();
    }

    @Test
    void theFirstLineSaysTheSwitchesAndWhereEachSettingCameFromSecretsMasked() {
        Settings s = settings(Map.of("env", "cluster", "deploy", "true", "image.tag", "r7-x", "registry.password", "pw-987654"),
                Map.of("RELEASE_GATE_HTTP_TIMEOUT", "3s"), Map.of("helm.timeout", "20s"));
        assertThat(s.summaryLine())
                .startsWith("env=cluster · WRITES ALLOWED: deploy on, rollback off · -D: image.tag=r7-x, registry.password=***"
                        + " · RELEASE_GATE_HTTP_TIMEOUT: http.timeout=3s · config file: helm.timeout=20s · reports=")
                .doesNotContain("pw-987654");
        assertThat(settings(Map.of(), Map.of(), Map.of()).summaryLine())
                .startsWith("env=sim · verify-only: deploy off, rollback off · every setting at its default · reports=");
    }

    // --- values validated at the door ---

    @Test
    void aZeroDurationIsRefusedForItWouldMeanWaitForever() {
        assertThat(errorOf(Map.of("http.timeout", "0s"), Map.of(), Map.of()))
                .isEqualTo("http.timeout: '0s' is zero — a duration must be more than 0 (to a client, 0 means wait forever)");
    }

    @Test
    void tenantsAreNonEmptyPrintableAsciiTokensEachOnce() {
        assertThat(errorOf(Map.of("pilot.allowlist", "[\"default\",\"pilot-a\\r\\n\"]"), Map.of(), Map.of()))
                .isEqualTo("pilot.allowlist: entry 2 \"pilot-a\\r\\n\" has a carriage return (CR), which a tenant sent as a header"
                        + " value cannot carry — use printable ASCII letters, digits and - . _ ~ ! # $ % & ' * + ^ ` |");
        assertThat(errorOf(Map.of("pilot.allowlist", "[\"default\",\"테넌트\"]"), Map.of(), Map.of()))
                .startsWith("pilot.allowlist: entry 2 \"테넌트\" has '테' (U+D14C, not ASCII)");
        assertThat(errorOf(Map.of("pilot.allowlist", "[1,2]"), Map.of(), Map.of()))
                .isEqualTo("pilot.allowlist: entry 1 (1) is not a JSON string — write every tenant in quotes, e.g. [\"default\",\"pilot-a\"]");
        assertThat(errorOf(Map.of("pilot.allowlist", "[\"default\",\"default\"]"), Map.of(), Map.of()))
                .isEqualTo("pilot.allowlist: entry 2 \"default\" is listed twice");
        assertThat(errorOf(Map.of("pilot.nonPilotTenants", "pilot-b,bad tenant"), Map.of(), Map.of()))
                .startsWith("pilot.nonPilotTenants: entry 2 \"bad tenant\" has a space");
        assertThat(errorOf(Map.of("pilot.allowlist", "[\"\"]"), Map.of(), Map.of()))
                .startsWith("pilot.allowlist: entry 1 is empty");
    }

    @Test
    void headersAreCheckedAsRfc9110Allows() {
        assertThat(errorOf(Map.of("gating.probeHeaders", "X-User-Role=operator\r\nX-Evil: 1"), Map.of(), Map.of()))
                .isEqualTo("gating.probeHeaders: the value of header X-User-Role has a carriage return (CR), which a header value cannot carry");
        assertThat(errorOf(Map.of("gating.probeHeaders", "X-User-Role=관리자"), Map.of(), Map.of()))
                .contains("which is not ASCII");
        assertThat(errorOf(Map.of("gating.tenantHeader", "X Tenant"), Map.of(), Map.of()))
                .startsWith("gating.tenantHeader: header name \"X Tenant\" has a space");
        assertThat(errorOf(Map.of("gating.probeHeaders", "X-A=1,X-A=2"), Map.of(), Map.of()))
                .isEqualTo("gating.probeHeaders: header X-A is given twice");
    }

    @Test
    void aDigestPinsTheImageByTheOciGrammar() {
        String digest = "sha256:" + "ab".repeat(32);
        Settings pinned = settings(Map.of("image.digest", digest), Map.of(), Map.of());
        assertThat(pinned.artifacts.image()).endsWith(":r7-h-pilot-20251203@" + digest);
        assertThat(pinned.artifacts.rollbackReference().pinnedDigest()).isEmpty();
        Settings inReference = settings(Map.of("image.repository", "ghcr.io/o/bff@" + digest), Map.of(), Map.of());
        assertThat(inReference.artifacts.imageRepository()).isEqualTo("ghcr.io/o/bff");
        assertThat(inReference.artifacts.digest()).contains(digest);
        assertThat(errorOf(Map.of("image.digest", "sha256:abc"), Map.of(), Map.of()))
                .startsWith("image.digest: 'sha256:abc' is not a digest — write sha256: and 64 lower-case hex digits");
        assertThat(errorOf(Map.of("image.repository", "ghcr.io/o/bff@" + digest, "image.digest", "sha256:" + "cd".repeat(32)),
                Map.of(), Map.of())).startsWith("image.digest: sha256:cdcd").contains("differs from the digest in image.repository");
        assertThat(errorOf(Map.of("image.repository", "ghcr.io/O/bff"), Map.of(), Map.of()))
                .contains("repository names must be lower case");
    }
}
