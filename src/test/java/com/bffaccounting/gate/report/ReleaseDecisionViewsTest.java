package com.bffaccounting.gate.report;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.outcome.CheckStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** verdict.html, the job summary and the baseline column all say what verdict.json says. */
class ReleaseDecisionViewsTest {
    private final Map<String, String> facts = Map.of("env", "cluster", "release.tag", "r7-h", "image", "ghcr.io/a/b:r7-h",
            "kube.context", "pilot-prod");

    private Verdict verdict(String failingId, String reason) {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        for (ChecklistCatalog.Item item : ChecklistCatalog.load().releaseItems()) {
            boolean failing = item.id().equals(failingId);
            outcomes.add(new ScenarioOutcome("s", "f", 1, List.of("@" + item.id()), failing ? CheckStatus.FAIL : CheckStatus.PASS,
                    failing ? reason : null));
        }
        return new VerdictBuilder(ChecklistCatalog.load()).build(outcomes, facts, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void aRegressionIsNamedAndListedFirst() {
        Baseline healthy = new Baseline("previous", Map.of("C3.1", "PASS", "C11.2", "PASS", "C12.2", "FAIL"));
        Verdict now = verdict("C11.2", "1 of 3 tenants … — 'pilot-b': let through");
        assertThat(healthy.change("C11.2", "FAIL")).isEqualTo("PASS → FAIL");
        assertThat(healthy.change("C12.2", "PASS")).isEqualTo("fixed: FAIL → PASS");
        assertThat(healthy.change("C3.1", "PASS")).isEqualTo("unchanged");
        assertThat(healthy.change("C99.9", "PASS")).isEqualTo("new");
        assertThat(healthy.regressionsFirst(now.checklist()).get(0).id()).isEqualTo("C11.2");
        String table = ConsoleSummary.render(now, Optional.of(healthy));
        assertThat(table.indexOf("C11.2   FAIL          PASS → FAIL")).isLessThan(table.indexOf("C1.1 "));
    }

    @Test
    void theJobSummaryAndAnnotationsComeFromTheVerdict() {
        Verdict now = verdict("C11.2", "'pilot-b': let through | 100% of\nthem");
        String md = JobSummary.markdown(now, Optional.empty());
        assertThat(md).startsWith("## Release gate: **FAIL**").contains("| C11.2 | FAIL | 'pilot-b': let through \\| 100% of them |")
                .contains("FAIL 1 · ");
        assertThat(JobSummary.annotations(now)).containsExactly("::error title=C11.2 FAIL::'pilot-b': let through | 100%25 of%0Athem");
    }

    @Test
    void theVerdictPageLeadsWithTheDecisionAndEscapesWhatItShows() {
        String html = VerdictPage.render(verdict("C5.2", "template <deployment.yaml> & values"), Optional.empty());
        assertThat(html.indexOf("id=\"decision\"")).isLessThan(html.indexOf("id=\"row-C1.1\""));
        assertThat(html).contains(">FAIL<small>불합격 — no-go</small>").contains("template &lt;deployment.yaml&gt; &amp; values")
                .doesNotContain("<script").doesNotContain("sim-banner");
        assertThat(html.indexOf("id=\"row-C5.2\"")).as("product failures come before passed lines")
                .isLessThan(html.indexOf("id=\"row-C1.1\""));
    }
}
