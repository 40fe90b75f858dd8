package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.io.Trees;
import com.bffaccounting.gate.outcome.CheckStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Since the last release" on real runs of the simulated pilot: a baseline taken with the sources 20 s
 * behind, then a run with them 200 s behind — still within the 300 s SLO, so C12.1 passes, and its drift
 * is listed. The second run also breaks C12.2: Allure's result of each scenario carries the status the
 * verdict gave it, handed over, not read back from a trace.
 */
class ObservedSinceBaselineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYNC = "@C12.1 or @C12.2";

    @Test
    void aLagThatGrewTenfoldIsDriftOnAPassingLine() throws IOException {
        Path root = Path.of("target/observed-since-baseline");
        Trees.delete(root);
        Path before = root.resolve("before");
        FeatureRun.runWithReports("drift-baseline", Map.of("env", "sim", "sim.faults", "", "report.dir", before.toString()),
                before.resolve("allure-results"), SYNC);
        JsonNode baseline = JSON.readTree(before.resolve("verdict.json").toFile());
        assertThat(line(baseline, "C12.1").path("status").asText()).isEqualTo("PASS");
        assertThat(subjects(line(baseline, "C12.1"), "lag")).containsExactlyInAnyOrder("bank-sbx", "pg-kcp", "erp-douzone");

        Path after = root.resolve("after");
        Map<String, String> settings = new HashMap<>(Map.of("env", "sim", "sim.faults", "sync-error-rate", "sim.syncLag", "200s",
                "report.dir", after.toString(), "verdict.baseline", before.resolve("verdict.json").toString()));
        long started = System.currentTimeMillis();
        FeatureRun run = FeatureRun.runWithReports("drift-after", settings, after.resolve("allure-results"), SYNC);
        JsonNode verdict = JSON.readTree(after.resolve("verdict.json").toFile());
        JsonNode lag = line(verdict, "C12.1");
        assertThat(lag.path("status").asText()).as(run.describe()).isEqualTo("PASS");
        assertThat(lag.path("sinceBaseline").path("change").asText()).isEqualTo("unchanged");
        List<String> drift = new ArrayList<>();
        lag.path("sinceBaseline").path("drift").forEach(d -> drift.add(d.path("text").asText()));
        assertThat(drift).hasSize(3).anySatisfy(d -> assertThat(d).matches("lag bank-sbx 20(\\.\\d+)? s → 20\\d(\\.\\d+)? s \\(\\+\\d{3} %\\)"));
        assertThat(verdict.path("run").path("driftThreshold").asDouble()).isEqualTo(0.5);
        JsonNode errors = line(verdict, "C12.2");
        assertThat(errors.path("status").asText()).isEqualTo("FAIL");
        assertThat(errors.path("sinceBaseline").path("change").asText()).isEqualTo("PASS → FAIL");
        assertThat(subjects(errors, "error rate")).hasSize(3);

        // Allure says what the verdict says, for the passing and the failing line. Allure's lifecycle is the
        // JVM's, made with the results directory of the first run in it: this run's results are the ones since it started.
        Map<String, String> outcomeByLine = new HashMap<>();
        try (Stream<Path> results = Files.walk(Path.of("target"))) {
            for (Path result : results.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                JsonNode r = JSON.readTree(result.toFile());
                if (r.path("start").asLong() < started) {
                    continue;
                }
                String line = "", outcome = "";
                for (JsonNode label : r.path("labels")) {
                    if (label.path("name").asText().equals("tag") && label.path("value").asText().startsWith("C")) {
                        line = label.path("value").asText();
                    }
                    if (label.path("name").asText().equals("outcome")) {
                        outcome = label.path("value").asText();
                    }
                }
                outcomeByLine.put(line, outcome + "/" + r.path("status").asText());
            }
        }
        assertThat(outcomeByLine).containsEntry("C12.1", CheckStatus.PASS + "/passed").containsEntry("C12.2", CheckStatus.FAIL + "/failed");
    }

    private static JsonNode line(JsonNode verdict, String id) {
        for (JsonNode check : verdict.path("checklist")) {
            if (check.path("id").asText().equals(id)) {
                return check;
            }
        }
        throw new AssertionError("no line " + id);
    }

    private static List<String> subjects(JsonNode line, String name) {
        List<String> subjects = new ArrayList<>();
        line.path("observed").forEach(o -> {
            if (o.path("name").asText().equals(name)) {
                subjects.add(o.path("subject").asText());
            }
        });
        return subjects;
    }
}
