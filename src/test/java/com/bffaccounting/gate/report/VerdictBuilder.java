package com.bffaccounting.gate.report;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.outcome.CheckStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns scenario outcomes into the release verdict: each checklist line (C items) takes the worst
 * status of its scenarios (a line no scenario ran is NOT_RUN); overall is FAIL on any FAIL or P1,
 * INCOMPLETE on any NOT_RUN or INCONCLUSIVE, PASS only when every line passed. A run that could not
 * be set up carries that one line as {@code run.error}, and it is the reason of every line.
 */
public final class VerdictBuilder {
    public static final String SIMULATION_NOTICE =
            "SIMULATION: this run verified the simulated pilot (SimBff), not a deployment. It is not a release verdict.";

    /** The fact that names the run which wrote the verdict. */
    public static final String RUN_ID = "run.id";

    private final ChecklistCatalog catalog;

    public VerdictBuilder(ChecklistCatalog catalog) {
        this.catalog = catalog;
    }

    public Verdict build(List<ScenarioOutcome> outcomes, Map<String, String> facts, Instant start, Instant end) {
        List<Verdict.Check> checks = new ArrayList<>();
        Map<CheckStatus, Integer> counts = new EnumMap<>(CheckStatus.class);
        CheckStatus overall = CheckStatus.PASS;
        String runError = facts.get("run.error");
        for (ChecklistCatalog.Item item : catalog.releaseItems()) {
            List<ScenarioOutcome> mine = outcomes.stream()
                    .filter(o -> o.tags().contains("@" + item.id())).toList();
            CheckStatus status = mine.stream().map(ScenarioOutcome::status).reduce(CheckStatus.PASS, CheckStatus::worse);
            String reason = mine.stream().filter(o -> o.status() == status && o.message() != null)
                    .map(ScenarioOutcome::message).findFirst().orElse(null);
            if (mine.isEmpty()) {
                reason = runError != null ? "the run could not be set up: " + runError
                        : "no scenario for " + item.id() + " ran in this run";
            }
            CheckStatus lineStatus = mine.isEmpty() ? CheckStatus.NOT_RUN : status;
            counts.merge(lineStatus, 1, Integer::sum);
            overall = overall.worse(lineStatus);
            checks.add(new Verdict.Check(item.id(), item.section(), item.requirement(), lineStatus.name(), reason,
                    mine.stream().map(o -> new Verdict.ScenarioResult(o.name(), o.status().name(), o.message(),
                            o.uri() + ":" + o.line())).toList()));
        }
        String overallText = overall.failsTheGate() ? "FAIL" : overall.incomplete() || runError != null ? "INCOMPLETE" : "PASS";
        boolean simulation = "sim".equals(facts.get("env"));
        Map<String, Integer> countsByName = new LinkedHashMap<>();
        for (CheckStatus s : CheckStatus.values()) {
            countsByName.put(s.name(), counts.getOrDefault(s, 0));
        }
        return new Verdict(1, overallText, simulation, simulation ? SIMULATION_NOTICE : null,
                new Verdict.Run(facts.get(RUN_ID), facts.get("release.tag"), facts.get("env"), facts.get("kube.context"), facts.get("image"),
                        facts.get("image.digest"), facts.get("chart.version"), facts.get("helm.version"), facts.get("bff"),
                        facts.get("prometheus"), Optional.ofNullable(facts.get("kube.retries")).map(Integer::valueOf).orElse(null),
                        runError, start.toString(), end.toString()),
                countsByName, checks);
    }
}
