package com.bffaccounting.gate.prometheus;

import com.bffaccounting.gate.helm.HelmValues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The chart's alert rules, checked by Prometheus' own tool: {@code promtool check rules} and
 * {@code promtool test rules} with unit tests at the thresholds. Without promtool the tests are
 * skipped with the reason, unless {@code -Dpromtool.required=true} (CI) makes that a failure.
 */
class PromtoolRulesTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void renderRules() throws IOException {
        boolean available = Promtool.available();
        if (!available && Boolean.getBoolean("promtool.required")) {
            throw new AssertionError("promtool is not on PATH but promtool.required=true — install Debian's prometheus package");
        }
        if (!available) {
            return; // each test reports itself skipped, with the reason (see requirePromtool)
        }
        Files.writeString(dir.resolve("rules.yml"), AlertRules.fromChart(Path.of("charts/bff-accounting"), new HelmValues()));
        try (InputStream tests = PromtoolRulesTest.class.getClassLoader().getResourceAsStream("promtool/alert-rules.test.yml")) {
            Files.write(dir.resolve("alert-rules.test.yml"), tests.readAllBytes());
        }
    }

    /** Per test, so that a run without promtool lists these tests as skipped with the reason. */
    @BeforeEach
    void requirePromtool() {
        assumeTrue(Promtool.available(), "promtool is not on PATH (apt-get install prometheus); alert-rule tests skipped");
    }

    @Test
    void checkRules() throws Exception {
        Promtool.Result result = Promtool.run(dir, List.of("check", "rules", "rules.yml"));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 2 rules found");
    }

    @Test
    void testRulesAtTheThresholds() throws Exception {
        Promtool.Result result = Promtool.run(dir, List.of("test", "rules", "alert-rules.test.yml"));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
