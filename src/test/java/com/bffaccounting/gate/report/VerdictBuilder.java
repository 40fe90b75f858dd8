package com.bffaccounting.gate.report;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Decision;
import com.bffaccounting.gate.outcome.Observation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns scenario outcomes into the release verdict: each checklist line (C items) takes the worst
 * status of its scenarios (a line no scenario ran is NOT_RUN) and everything they saw; the decision is
 * {@link Decision#of}. A run that could not be set up carries that one line as {@code run.error}, and it
 * is the reason of every line. With a baseline, each line also says what changed since.
 */
public final class VerdictBuilder {
    public static final String SIMULATION_NOTICE =
            "SIMULATION: this run verified the simulated pilot (SimBff), not a deployment. It is not a release verdict.";

    /** The fact that names the run which wrote the verdict. */
    public static final String RUN_ID = "run.id";

    /** A baseline to compare with, and the relative change of a measurement listed as drift. */
    public record Comparison(Baseline baseline, double driftThreshold) {
    }

    private final ChecklistCatalog catalog;

    public VerdictBuilder(ChecklistCatalog catalog) {
        this.catalog = catalog;
    }

    public Verdict build(List<ScenarioOutcome> outcomes, Map<String, String> facts, Instant start, Instant end) {
        return build(outcomes, facts, start, end, Optional.empty());
    }

    public Verdict build(List<ScenarioOutcome> outcomes, Map<String, String> facts, Instant start, Instant end,
                         Optional<Comparison> comparison) {
        List<Verdict.Check> checks = new ArrayList<>();
        Map<CheckStatus, Integer> counts = new EnumMap<>(CheckStatus.class);
        CheckStatus worst = CheckStatus.PASS;
        String runError = facts.get("run.error");
        for (ChecklistCatalog.Item item : catalog.releaseItems()) {
            List<ScenarioOutcome> mine = outcomes.stream()
                    .filter(o -> o.tags().contains("@" + item.id())).toList();
            CheckStatus status = mine.isEmpty() ? CheckStatus.NOT_RUN
                    : mine.stream().map(ScenarioOutcome::status).reduce(CheckStatus.PASS, CheckStatus::worse);
            String reason = mine.isEmpty()
                    ? runError != null ? "the run could not be set up: " + runError : "no scenario for " + item.id() + " ran in this run"
                    : mine.stream().filter(o -> o.status() == status && o.message() != null).map(ScenarioOutcome::message)
                    .findFirst().orElse(null);
            List<Observation> observed = mine.stream().flatMap(o -> o.observed().stream()).toList();
            counts.merge(status, 1, Integer::sum);
            worst = worst.worse(status);
            checks.add(new Verdict.Check(item.id(), item.section(), item.requirement(), status, reason, observed,
                    comparison.map(c -> c.baseline().since(item.id(), status, observed, c.driftThreshold())).orElse(null),
                    mine.stream().map(o -> new Verdict.ScenarioResult(o.name(), o.status(), o.message(), o.uri() + ":" + o.line())).toList()));
        }
        boolean simulation = "sim".equals(facts.get("env"));
        return new Verdict(Verdict.SCHEMA_VERSION, Decision.of(worst, runError == null), simulation, simulation ? SIMULATION_NOTICE : null,
                new Verdict.Run(facts.get(RUN_ID), facts.get("release.tag"), facts.get("env"), facts.get("kube.context"), facts.get("image"),
                        facts.get("image.digest"), facts.get("chart.version"), facts.get("helm.version"), facts.get("bff"),
                        facts.get("prometheus"), Optional.ofNullable(facts.get("kube.retries")).map(Integer::valueOf).orElse(null),
                        runError, start.toString(), end.toString(),
                        comparison.map(c -> c.baseline().label()).orElse(null), comparison.map(Comparison::driftThreshold).orElse(null)),
                counts, checks);
    }
}
