package com.bffaccounting.gate.config;

import com.bffaccounting.gate.evidence.Redactor;
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
        Map<String, String> env = Map.of("BFF_URL", "http://env:2", "HTTP_TIMEOUT", "4s");
        Settings s = settings(Map.of("bff.url", "http://sys:3"), env, file);
        assertThat(s.bff.url().toString()).isEqualTo("http://sys:3");
        assertThat(s.bff.httpTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(s.gating.concurrency()).isEqualTo(2);
    }

    @Test
    void envVarNamesFollowTheDocumentedRule() {
        assertThat(SettingSource.envVarName("gate.failOnIncomplete")).isEqualTo("GATE_FAIL_ON_INCOMPLETE");
        assertThat(SettingSource.envVarName("bff.url")).isEqualTo("BFF_URL");
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
        assertThatThrownBy(() -> settings(Map.of("bff.url", "localhost:8081", "helm.timeout", "-5m"), Map.of(), Map.of()))
                .hasMessageContaining("bff.url: 'localhost:8081' is not an http(s) URL")
                .hasMessageContaining("helm.timeout: '-5m' is negative")
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
                .hasMessageContaining("they need -Denv=sim");
    }

    @Test
    void secretHeaderValuesAndUrlPasswordsAreKnownSecrets() {
        Settings s = settings(Map.of("gating.probeHeaders", "X-User-Role=operator,X-Api-Key=S3CR3T-abc",
                "bff.databaseUrl", "postgres://app:pa55word@db:5432/app"), Map.of(), Map.of());
        assertThat(s.secretValues()).contains("S3CR3T-abc", "pa55word").doesNotContain("operator");
    }

    @Test
    void aSecretIsReadFromTheEnvironmentOrAFileAndMaskedEverywhere(@TempDir Path dir)
            throws Exception {
        Path keyFile = dir.resolve("db-password");
        Files.writeString(keyFile, "file-secret-42\n");
        Properties sys = new Properties();
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
        Settings s = settings(Map.of("gating.probeHeaders", "X-User-Role=operator,X-Api-Key=literal-key-123",
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
}
