package com.bffaccounting.gate.report;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Decision;
import com.bffaccounting.gate.outcome.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** verdict.html, the job summary, the console and the baseline comparison all say what verdict.json says. */
class ReleaseDecisionViewsTest {
    private final Map<String, String> facts = Map.of("env", "cluster", "release.tag", "r7-h", "image", "ghcr.io/a/b:r7-h",
            "kube.context", "pilot-prod");

    private static List<Observation> lags(double bankSbx) {
        return List.of(Observation.measure("lag", bankSbx, "s").of("bank-sbx").against(300),
                Observation.measure("lag", 12, "s").of("pg-kcp").against(300));
    }

    private List<ScenarioOutcome> outcomes(String failingId, String reason, double bankSbxLag) {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        for (ChecklistCatalog.Item item : ChecklistCatalog.load().releaseItems()) {
            boolean failing = item.id().equals(failingId);
            List<Observation> observed = item.id().equals("C12.1") ? lags(bankSbxLag)
                    : item.id().equals("C4.1") ? List.of(Observation.fact("digest", "sha256:" + "ab".repeat(32)).of("ghcr.io/a/b:r7-h"))
                    : List.of(Observation.note(item.id() + " saw <this> & that"));
            outcomes.add(new ScenarioOutcome("s", "f", 1, List.of("@" + item.id()), failing ? CheckStatus.FAIL : CheckStatus.PASS,
                    failing ? reason : null, observed));
        }
        return outcomes;
    }

    private Verdict verdict(String failingId, String reason) {
        return new VerdictBuilder(ChecklistCatalog.load()).build(outcomes(failingId, reason, 20), facts, Instant.EPOCH, Instant.EPOCH);
    }

    private Verdict compared(Verdict before, String failingId, double bankSbxLag, Path dir) throws IOException {
        Path file = dir.resolve("before.json");
        Files.writeString(file, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(before));
        return new VerdictBuilder(ChecklistCatalog.load()).build(outcomes(failingId, "broken", bankSbxLag), facts, Instant.EPOCH,
                Instant.EPOCH, Optional.of(new VerdictBuilder.Comparison(Baseline.read(file), 0.5)));
    }

    @Test
    void aRegressionIsNamedAndListedFirst(@TempDir Path dir) throws IOException {
        Verdict now = compared(verdict("C12.2", "too many errors"), "C11.2", 20, dir);
        Verdict.Check gating = now.checklist().stream().filter(c -> c.id().equals("C11.2")).findFirst().orElseThrow();
        assertThat(gating.sinceBaseline().change()).isEqualTo("PASS → FAIL");
        assertThat(gating.regressed()).isTrue();
        assertThat(now.checklist()).filteredOn(c -> c.id().equals("C12.2")).singleElement()
                .satisfies(c -> assertThat(c.sinceBaseline().change()).isEqualTo("fixed: FAIL → PASS"));
        assertThat(now.checklist()).filteredOn(c -> c.id().equals("C3.1")).singleElement()
                .satisfies(c -> assertThat(c.sinceBaseline().change()).isEqualTo("unchanged"));
        assertThat(Baseline.regressionsFirst(now.checklist()).get(0).id()).isEqualTo("C11.2");
        String table = ConsoleSummary.render(now);
        assertThat(table.indexOf("C11.2   FAIL          PASS → FAIL")).isLessThan(table.indexOf("C1.1 "));
    }

    @Test
    void aMeasurementThatMovedBeyondTheThresholdIsDriftButDecidesNothing(@TempDir Path dir) throws IOException {
        Verdict now = compared(verdict(null, null), null, 200, dir);
        assertThat(now.overall()).isEqualTo(Decision.PASS);
        Verdict.Check lag = now.checklist().stream().filter(c -> c.id().equals("C12.1")).findFirst().orElseThrow();
        assertThat(lag.status()).isEqualTo(CheckStatus.PASS);
        assertThat(lag.sinceBaseline().drift()).extracting(Verdict.Drift::text).containsExactly("lag bank-sbx 20 s → 200 s (+900 %)");
        assertThat(ConsoleSummary.render(now)).contains("drift: lag bank-sbx 20 s → 200 s (+900 %)");
        assertThat(VerdictPage.render(now)).contains("<ul class=\"drift\"><li>lag bank-sbx 20 s → 200 s (+900 %)</li></ul>");
        assertThat(JobSummary.markdown(now)).contains("- C12.1: lag bank-sbx 20 s → 200 s (+900 %)");
        assertThat(VerdictSchema.violations(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(now))).isEmpty();

        Verdict within = compared(verdict(null, null), null, 29, dir);
        assertThat(within.checklist()).filteredOn(c -> c.id().equals("C12.1")).singleElement()
                .satisfies(c -> assertThat(c.sinceBaseline().drift()).as("+45 %% is within 50 %%").isEmpty());
        assertThat(JobSummary.markdown(within)).contains("no measurement moved by more than 50 %");
    }

    @Test
    void aBaselineOfTheFirstSchemaStillGivesTheStatusChanges(@TempDir Path dir) throws IOException {
        Path v1 = dir.resolve("v1.json");
        Files.writeString(v1, "{\"schemaVersion\":1,\"overall\":\"PASS\",\"run\":{\"releaseTag\":\"r7-final\"},"
                + "\"checklist\":[{\"id\":\"C12.1\",\"status\":\"PASS\",\"reason\":null}]}");
        Verdict.SinceBaseline since = Baseline.read(v1).since("C12.1", CheckStatus.FAIL, lags(200), 0.5);
        assertThat(since.change()).isEqualTo("PASS → FAIL");
        assertThat(since.drift()).isEmpty();
        assertThat(Baseline.read(v1).label()).endsWith("(r7-final)");
    }

    @Test
    void passingLinesSayWhatTheySawEverywhere() {
        Verdict now = verdict(null, null);
        String table = ConsoleSummary.render(now);
        assertThat(table).contains("C12.1   PASS          bank-sbx lag 20 s (limit 300 s) (+1 more in verdict.json)");
        String html = VerdictPage.render(now);
        assertThat(html).contains("<li>bank-sbx lag 20 s (limit 300 s)</li><li>pg-kcp lag 12 s (limit 300 s)</li>")
                .contains("<li>C2.1 saw &lt;this&gt; &amp; that</li>").contains("sha256:" + "ab".repeat(32));
        String md = JobSummary.markdown(now);
        assertThat(md).contains("<details><summary>" + now.checklist().size() + " passed — what each saw</summary>")
                .contains("| C12.1 | PASS | bank-sbx lag 20 s (limit 300 s) · pg-kcp lag 12 s (limit 300 s) |");
    }

    @Test
    void theJobSummaryAndAnnotationsComeFromTheVerdict() {
        Verdict now = verdict("C11.2", "'pilot-b': let through | 100% of\nthem");
        String md = JobSummary.markdown(now);
        assertThat(md).startsWith("## Release gate: **FAIL**")
                .contains("| C11.2 | FAIL | 'pilot-b': let through \\| 100% of them | C11.2 saw <this> & that |")
                .contains("FAIL 1 · ");
        assertThat(md.indexOf("| C11.2 | FAIL")).as("what did not pass comes before the passed lines").isLessThan(md.indexOf("<details>"));
        assertThat(JobSummary.annotations(now)).containsExactly("::error title=C11.2 FAIL::'pilot-b': let through | 100%25 of%0Athem");
    }

    @Test
    void theVerdictPageLeadsWithTheDecisionAndEscapesWhatItShows() {
        String html = VerdictPage.render(verdict("C5.2", "template <deployment.yaml> & values"));
        assertThat(html.indexOf("id=\"decision\"")).isLessThan(html.indexOf("id=\"row-C1.1\""));
        assertThat(html).contains(">FAIL<small>불합격 — no-go</small>").contains("template &lt;deployment.yaml&gt; &amp; values")
                .doesNotContain("<script").doesNotContain("sim-banner");
        assertThat(html.indexOf("id=\"row-C5.2\"")).as("product failures come before passed lines")
                .isLessThan(html.indexOf("id=\"row-C1.1\""));
    }
}
