package com.bffaccounting.gate.report;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Decision;
import com.bffaccounting.gate.outcome.Observation;
import com.bffaccounting.gate.run.GateCheckAccess;
import com.bffaccounting.gate.run.RunEndChecks;
import com.bffaccounting.gate.run.RunEndResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictBuilderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final VerdictBuilder builder = new VerdictBuilder(ChecklistCatalog.load());
    private final Map<String, String> facts = Map.of("env", "sim", "release.tag", "r7-h", "image", "ghcr.io/a/b:r7-h");

    private static ScenarioOutcome outcome(String id, CheckStatus status, String message) {
        return new ScenarioOutcome("scenario of " + id, "features/x.feature", 1, List.of("@" + id), status, message,
                List.of(Observation.note("what " + id + " saw")));
    }

    private List<ScenarioOutcome> allPassing() {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        ChecklistCatalog.load().items().forEach(i -> outcomes.add(outcome(i.id(), CheckStatus.PASS, null)));
        return outcomes;
    }

    private JsonNode json(Verdict verdict) {
        return JSON.valueToTree(verdict);
    }

    @Test
    void everyIdPassingIsAPassThatMatchesTheSchema() throws Exception {
        Verdict verdict = builder.build(allPassing(), facts, Instant.EPOCH, Instant.EPOCH.plusSeconds(3));
        assertThat(verdict.overall()).isEqualTo(Decision.PASS);
        assertThat(verdict.schemaVersion()).isEqualTo(2);
        assertThat(verdict.checklist()).allSatisfy(c -> assertThat(c.observed()).isNotEmpty());
        assertThat(verdict.simulation()).isTrue();
        assertThat(verdict.notice()).contains("not a release verdict");
        assertThat(VerdictSchema.violations(json(verdict))).isEmpty();
        assertThat(GateCheckAccess.decide(json(verdict), true)).isNull();
    }

    @Test
    void aP1FailsTheGateAndIsNamed() throws Exception {
        List<ScenarioOutcome> outcomes = allPassing();
        outcomes.add(outcome("C12.3", CheckStatus.P1, "P1: ExternalSyncStale for source pg-kcp has been active for 9.0 s"));
        Verdict verdict = builder.build(outcomes, facts, Instant.EPOCH, Instant.EPOCH);
        assertThat(verdict.overall()).isEqualTo(Decision.FAIL);
        assertThat(verdict.checklist()).filteredOn(c -> c.id().equals("C12.3")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(CheckStatus.P1));
        assertThat(verdict.counts()).containsEntry(CheckStatus.P1, 1);
        assertThat(VerdictSchema.violations(json(verdict))).isEmpty();
        assertThat(GateCheckAccess.decide(json(verdict), false)).startsWith("FAIL: ").contains("C12.3 P1");
    }

    @Test
    void aMissingScenarioIsNotRunAndIncompleteFailsOnlyWhenAsked() throws Exception {
        List<ScenarioOutcome> outcomes = allPassing();
        outcomes.removeIf(o -> o.tags().contains("@C13.1"));
        Verdict verdict = builder.build(outcomes, facts, Instant.EPOCH, Instant.EPOCH);
        assertThat(verdict.overall()).isEqualTo(Decision.INCOMPLETE);
        assertThat(verdict.checklist()).filteredOn(c -> c.id().equals("C13.1")).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("no scenario for C13.1 ran in this run"));
        assertThat(GateCheckAccess.decide(json(verdict), false)).isNull();
        assertThat(GateCheckAccess.decide(json(verdict), true)).contains("C13.1 NOT_RUN");
    }

    @Test
    void theSchemaRejectsAVerdictWithoutReasons() {
        List<ScenarioOutcome> outcomes = allPassing();
        outcomes.add(outcome("C11.2", CheckStatus.FAIL, null));
        JsonNode verdict = json(builder.build(outcomes, facts, Instant.EPOCH, Instant.EPOCH));
        assertThat(VerdictSchema.violations(verdict)).isNotEmpty();
    }

    @Test
    void designItemsAreNotRowsOfTheReleaseVerdict() {
        Verdict verdict = builder.build(allPassing(), facts, Instant.EPOCH, Instant.EPOCH);
        assertThat(verdict.checklist()).extracting(Verdict.Check::id).allMatch(id -> id.startsWith("C")).contains("C1.1", "C13.1");
        assertThat(ConsoleSummary.render(verdict)).doesNotContain("\nD1 ");
    }

    @Test
    void aRunThatCouldNotBeSetUpSaysSoOnEveryRowAndShutsTheGate() throws Exception {
        Map<String, String> broken = new HashMap<>(facts);
        broken.put("run.error", "cannot start the simulated pilot: port in use");
        Verdict verdict = builder.build(List.of(), broken, Instant.EPOCH, Instant.EPOCH);
        assertThat(verdict.overall()).isEqualTo(Decision.INCOMPLETE);
        assertThat(verdict.run().error()).isEqualTo("cannot start the simulated pilot: port in use");
        assertThat(verdict.checklist()).allSatisfy(c -> assertThat(c.reason())
                .isEqualTo("the run could not be set up: cannot start the simulated pilot: port in use"));
        assertThat(VerdictSchema.violations(json(verdict))).isEmpty();
        assertThat(GateCheckAccess.decide(json(verdict), false)).startsWith("the run could not be set up: ");
        assertThat(ConsoleSummary.render(verdict).strip()).startsWith("-").contains("RUN ERROR: cannot start the simulated pilot");
    }

    @Test
    void aWriteSeenWhenTheRunEndsFailsTheVerifyOnlyLine() {
        List<ScenarioOutcome> outcomes = allPassing();
        outcomes.add(RunEndResult.record(new RunEndChecks.Judgement(List.of("@C9.2"), "whole run",
                Observation.measure("write requests", 1, null).against(0), Optional.of("a verify-only run sent 1 write request(s) to context sim"))));
        Verdict verdict = builder.build(outcomes, facts, Instant.EPOCH, Instant.EPOCH);
        assertThat(verdict.checklist()).filteredOn(c -> c.id().equals("C9.2")).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(c.observed()).extracting(Observation::name).contains("write requests");
            assertThat(c.reason()).isEqualTo("at the end of the run: a verify-only run sent 1 write request(s) to context sim");
        });
    }

    @Test
    void longReasonsAreWrappedNeverCut() {
        List<ScenarioOutcome> outcomes = allPassing();
        String reason = "3 of 3 tenants that must be refused by the pilot gate — " + "'tenant-with-a-long-name-%d': let through; ".repeat(6)
                .formatted(1, 2, 3, 4, 5, 6) + "'the-last-one': let through";
        outcomes.add(outcome("C11.2", CheckStatus.FAIL, reason));
        String table = ConsoleSummary.render(builder.build(outcomes, facts, Instant.EPOCH, Instant.EPOCH));
        assertThat(table).contains("'the-last-one': let through").doesNotContain("...");
        assertThat(table.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(ConsoleSummary.WIDTH));
    }
}
