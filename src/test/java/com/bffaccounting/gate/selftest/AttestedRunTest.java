package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.helm.ChartDigest;
import com.bffaccounting.gate.io.Trees;
import com.bffaccounting.gate.report.VerdictAttestation;
import com.bffaccounting.gate.report.VerdictSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real run writes its verdict as an in-toto Statement beside verdict.json: about the image whose digest
 * C4.1 resolved, saying it is a simulation, naming the simulated cluster by kube-system's UID, the chart by
 * the digest anyone can recompute, and the suite by its commit.
 */
class AttestedRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSimRunAttestsTheImageItResolvedAndSaysItIsASimulation() throws IOException {
        Path reports = Path.of("target/attested-run/reports");
        Trees.delete(reports.getParent());
        FeatureRun run = FeatureRun.runWithReports("attested-run", Map.of("env", "sim", "sim.faults", "", "report.dir", reports.toString()),
                reports.resolve("allure-results"), "@C4.1 or @C5.2 or @C3.1");
        assertThat(run.failing()).as(run.describe()).isEmpty();
        JsonNode verdict = JSON.readTree(reports.resolve("verdict.json").toFile());
        JsonNode statement = JSON.readTree(reports.resolve(VerdictAttestation.FILE).toFile());
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
}
