package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.helm.ChartDigest;
import com.bffaccounting.gate.io.Trees;
import com.bffaccounting.gate.report.VerdictAttestation;
import com.bffaccounting.gate.report.VerdictSchema;
import com.bffaccounting.gate.outcome.CheckStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
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
 * What a real run of the simulated pilot writes beside the checklist, on two runs:
 * <ul>
 *   <li>its verdict as an in-toto Statement: about the image whose digest C4.1 resolved, saying it is a
 *       simulation, naming the simulated cluster by kube-system's UID, the chart by the digest anyone can
 *       recompute, and the suite by its commit;</li>
 *   <li>"since the last release": a baseline taken with the sources 20 s behind, then a run with them 200 s
 *       behind — still within the 300 s SLO, so C12.1 passes, and its drift is listed. The second run also
 *       breaks C12.2: Allure's result of each scenario carries the status the verdict gave it, handed over,
 *       not read back from a trace.</li>
 * </ul>
 */
class VerdictDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("target/verdict-documents");
    private static final Path BEFORE = ROOT.resolve("before");
    private static final String SYNC = "@C12.1 or @C12.2";

    /** The baseline run: the sync lines, and C3.1, C4.1 and C5.2 for what the statement names. */
    @BeforeAll
    static void runTheBaseline() throws IOException {
        Trees.delete(ROOT);
        FeatureRun run = FeatureRun.runWithReports("documents-baseline", Map.of("env", "sim", "sim.faults", "", "report.dir", BEFORE.toString()),
                BEFORE.resolve("allure-results"), SYNC + " or @C3.1 or @C4.1 or @C5.2");
        assertThat(run.failing()).as(run.describe()).isEmpty();
    }

    @Test
    void aSimRunAttestsTheImageItResolvedAndSaysItIsASimulation() throws IOException {
        JsonNode verdict = JSON.readTree(BEFORE.resolve("verdict.json").toFile());
        JsonNode statement = JSON.readTree(BEFORE.resolve(VerdictAttestation.FILE).toFile());
        assertThat(VerdictSchema.violations(statement, VerdictSchema.STATEMENT)).isEmpty();
        assertThat("sha256:" + statement.path("subject").get(0).path("digest").path("sha256").asText())
                .isEqualTo(verdict.path("run").path("imageDigest").asText()).startsWith("sha256:");
        JsonNode predicate = statement.path("predicate");
        assertThat(predicate.path("simulation").asBoolean()).isTrue();
        assertThat(predicate.path("env").asText()).isEqualTo("sim");
        assertThat(predicate.path("decision").asText()).isEqualTo(verdict.path("overall").asText());
        assertThat(predicate.path("runId").asText()).isEqualTo(verdict.path("run").path("id").asText());
        assertThat(predicate.path("cluster").path("kubeSystemUid").asText()).matches("[0-9a-f-]{36}");
        assertThat("sha256:" + predicate.path("chart").path("digest").path("sha256").asText())
                .isEqualTo(ChartDigest.of(Path.of("charts/bff-accounting")));
        assertThat(predicate.path("values").path("deployed").asBoolean()).isFalse();
        assertThat(predicate.path("suite").path("commit").asText()).matches("[0-9a-f]{40}|unknown: .*");
    }

    @Test
    void aLagThatGrewTenfoldIsDriftOnAPassingLine() throws IOException {
        Path before = BEFORE;
        Path root = ROOT;
        JsonNode baseline = JSON.readTree(before.resolve("verdict.json").toFile());
        assertThat(line(baseline, "C12.1").path("status").asText()).isEqualTo("PASS");
        assertThat(subjects(line(baseline, "C12.1"), "lag")).containsExactlyInAnyOrder("bank-sbx", "pg-kcp", "erp-douzone");

        Path after = root.resolve("after");
        Map<String, String> settings = new HashMap<>(Map.of("env", "sim", "sim.faults", "sync-error-rate", "sim.syncLag", "200s",
                "report.dir", after.toString(), "verdict.baseline", before.resolve("verdict.json").toString()));
        FeatureRun run = FeatureRun.runWithReports("documents-after", settings, after.resolve("allure-results"), SYNC);
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

        // Allure says what the verdict says, for the passing and the failing line
        Map<String, String> outcomeByLine = new HashMap<>();
        try (Stream<Path> results = Files.list(after.resolve("allure-results"))) {
            for (Path result : results.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                JsonNode r = JSON.readTree(result.toFile());
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
