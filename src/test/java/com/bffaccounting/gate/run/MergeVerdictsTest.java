package com.bffaccounting.gate.run;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Observation;
import com.bffaccounting.gate.report.ScenarioOutcome;
import com.bffaccounting.gate.report.VerdictBuilder;
import com.bffaccounting.gate.report.VerdictSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** merge-verdicts on fixtures: one decision across clusters, about one image. */
class MergeVerdictsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIGEST = "sha256:" + "0a".repeat(32);

    @TempDir
    Path dir;

    /** A cluster's verdict.json: every line PASS but {@code line}, which has {@code status}. */
    private String verdict(String context, String digest, String line, CheckStatus status) throws IOException {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        for (ChecklistCatalog.Item item : ChecklistCatalog.load().releaseItems()) {
            boolean odd = item.id().equals(line);
            outcomes.add(new ScenarioOutcome("s", "f", 1, List.of("@" + item.id()), odd ? status : CheckStatus.PASS,
                    odd ? "what went wrong on " + context : null, List.of(Observation.note("seen"))));
        }
        var verdict = new VerdictBuilder(ChecklistCatalog.load()).build(outcomes, Map.of("env", "cluster", "release.tag", "r7-h",
                "image", "ghcr.io/acme/app/bff:r7-h", "image.digest", digest, "kube.context", context), Instant.EPOCH, Instant.EPOCH);
        Path file = Files.createDirectories(dir.resolve(context)).resolve("verdict.json");
        JSON.writeValue(file.toFile(), verdict);
        return file.toString();
    }

    private JsonNode fleet() throws IOException {
        JsonNode fleet = JSON.readTree(dir.resolve("fleet/verdict.json").toFile());
        assertThat(VerdictSchema.violations(fleet, VerdictSchema.FLEET)).isEmpty();
        return fleet;
    }

    @Test
    void allClustersPassingIsAPassingFleet() throws IOException {
        int exit = MergeVerdicts.run(List.of(verdict("seoul", DIGEST, null, null), verdict("busan", DIGEST, null, null)), List.of(),
                dir.resolve("fleet"));
        assertThat(exit).isZero();
        JsonNode fleet = fleet();
        assertThat(fleet.path("overall").asText()).isEqualTo("PASS");
        assertThat(fleet.path("imageDigest").asText()).isEqualTo(DIGEST);
        assertThat(fleet.path("clusters").findValuesAsText("context")).containsExactly("seoul", "busan");
        assertThat(Files.readString(dir.resolve("fleet/verdict.html"))).contains("<th>seoul</th><th>busan</th>").contains(">PASS<small>");
    }

    @Test
    void oneFailingClusterFailsTheFleetAndTheExit() throws IOException {
        int exit = MergeVerdicts.run(List.of(verdict("seoul", DIGEST, null, null), verdict("busan", DIGEST, "C11.2", CheckStatus.FAIL)),
                List.of(), dir.resolve("fleet"));
        assertThat(exit).isEqualTo(1);
        JsonNode fleet = fleet();
        assertThat(fleet.path("overall").asText()).isEqualTo("FAIL");
        JsonNode gating = line(fleet, "C11.2");
        assertThat(gating.path("status").asText()).isEqualTo("FAIL");
        assertThat(gating.path("byCluster").path("seoul").asText()).isEqualTo("PASS");
        assertThat(gating.path("byCluster").path("busan").asText()).isEqualTo("FAIL");
        assertThat(gating.path("reason").asText()).isEqualTo("busan: what went wrong on busan");
    }

    @Test
    void oneIncompleteClusterLeavesTheFleetIncomplete() throws IOException {
        int exit = MergeVerdicts.run(List.of(verdict("seoul", DIGEST, "C12.3", CheckStatus.INCONCLUSIVE), verdict("busan", DIGEST, null, null)),
                List.of(), dir.resolve("fleet"));
        assertThat(exit).isEqualTo(1);
        assertThat(fleet().path("overall").asText()).isEqualTo("INCOMPLETE");
    }

    @Test
    void aClusterWithoutAVerdictLeavesTheFleetIncomplete() throws IOException {
        int exit = MergeVerdicts.run(List.of(verdict("seoul", DIGEST, null, null)), List.of("seoul", "busan"), dir.resolve("fleet"));
        assertThat(exit).isEqualTo(1);
        JsonNode fleet = fleet();
        assertThat(fleet.path("overall").asText()).isEqualTo("INCOMPLETE");
        assertThat(fleet.path("clusters").get(1).path("error").asText()).startsWith("no verdict");
        assertThat(line(fleet, "C2.1").path("byCluster").path("busan").asText()).isEqualTo("NOT_RUN");
    }

    @Test
    void verdictsOfDifferentImagesAreRefused() throws IOException {
        int exit = MergeVerdicts.run(List.of(verdict("seoul", DIGEST, null, null), verdict("busan", "sha256:" + "0b".repeat(32), null, null)),
                List.of(), dir.resolve("fleet"));
        assertThat(exit).isEqualTo(2);
        assertThat(dir.resolve("fleet/verdict.json")).doesNotExist();
    }

    @Test
    void aFileThatIsNoVerdictIsRefused() throws IOException {
        Path notAVerdict = Files.writeString(dir.resolve("x.json"), "{\"overall\":\"PASS\"}");
        assertThat(MergeVerdicts.run(List.of(notAVerdict.toString()), List.of(), dir.resolve("fleet"))).isEqualTo(2);
        assertThat(MergeVerdicts.run(List.of(dir.resolve("missing.json").toString()), List.of(), dir.resolve("fleet"))).isEqualTo(2);
        assertThat(MergeVerdicts.run(List.of(), List.of(), dir.resolve("fleet"))).isEqualTo(2);
    }

    private static JsonNode line(JsonNode fleet, String id) {
        for (JsonNode line : fleet.path("checklist")) {
            if (line.path("id").asText().equals(id)) {
                return line;
            }
        }
        throw new AssertionError("no line " + id);
    }
}
