package com.bffaccounting.gate.sim.prometheus;

import com.bffaccounting.gate.helm.HelmValues;
import com.bffaccounting.gate.prometheus.AlertRules;
import com.bffaccounting.gate.http.PlainHttp;
import com.bffaccounting.gate.io.Executables;
import com.bffaccounting.gate.io.LoopbackPorts;
import com.bffaccounting.gate.waits.Timeout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The suite's own Prometheus starts without rules (its first scrape is five seconds away whatever it
 * waits for) and is given the chart's rules by a reload; rules it rejects are an error with its reason,
 * and the rules it had stay. Skipped without the binary, unless {@code -Dprometheus.required=true} (CI).
 */
class PrometheusProcessTest {
    private static PrometheusProcess server;

    @BeforeAll
    static void start() {
        Optional<Path> binary = Executables.onPath("prometheus");
        if (binary.isEmpty() && Boolean.getBoolean("prometheus.required")) {
            throw new AssertionError("prometheus is not on PATH but prometheus.required=true — install Debian's prometheus package");
        }
        assumeTrue(binary.isPresent(), "prometheus is not on PATH (apt-get install prometheus)");
        server = PrometheusProcess.start(binary.get(), "127.0.0.1:" + LoopbackPorts.free(), Duration.ofSeconds(1), LoopbackPorts.free(),
                new Timeout("Prometheus start", Duration.ofSeconds(30), "test"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void startsWithoutRulesAndLoadsTheChartsOnReloadKeepingThemWhenNewOnesAreRejected() throws Exception {
        assertThat(ruleNames()).isEmpty();

        server.loadRules(AlertRules.fromChart(Path.of("charts/bff-accounting"), new HelmValues()));
        assertThat(ruleNames()).contains("ExternalSyncStale");

        assertThatThrownBy(() -> server.loadRules("groups:\n  - name: broken\n    rules:\n      - alert: X\n        expr: 'up =='\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Prometheus rejected the alert rules: rules.yml: ")
                .hasMessageContaining("group \"broken\", rule 1, \"X\": could not parse expression");
        assertThat(ruleNames()).contains("ExternalSyncStale");
    }

    private static List<String> ruleNames() throws Exception {
        PlainHttp.Reply answer = PlainHttp.get(server.url().resolve("/api/v1/rules"), Map.of(), Duration.ofSeconds(5));
        List<String> names = new ArrayList<>();
        for (JsonNode group : new ObjectMapper().readTree(answer.body()).path("data").path("groups")) {
            group.path("rules").forEach(rule -> names.add(rule.path("name").asText()));
        }
        return names;
    }
}
