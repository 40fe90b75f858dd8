package com.bffaccounting.gate.report;

import com.bffaccounting.gate.checklist.ChecklistCatalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns scenario outcomes into the release verdict: each checklist ID takes the worst status of its
 * scenarios (an ID no scenario ran is NOT_RUN); overall is FAIL on any FAIL or P1, INCOMPLETE on any
 * NOT_RUN or INCONCLUSIVE, PASS only when every ID passed.
 */
public final class VerdictBuilder {
    public static final String SIMULATION_NOTICE =
            "SIMULATION: this run verified the simulated pilot (SimBff), not a deployment. It is not a release verdict.";

    private final ChecklistCatalog catalog;

    public VerdictBuilder(ChecklistCatalog catalog) {
        this.catalog = catalog;
    }

    public Verdict build(List<ScenarioOutcome> outcomes, Map<String, String> facts, Instant start, Instant end) {
        List<Verdict.Check> checks = new ArrayList<>();
        Map<CheckStatus, Integer> counts = new EnumMap<>(CheckStatus.class);
        CheckStatus overall = CheckStatus.PASS;
        for (ChecklistCatalog.Item item : catalog.items()) {
            List<ScenarioOutcome> mine = outcomes.stream()
                    .filter(o -> o.tags().contains("@" + item.id())).toList();
            CheckStatus status;
            String reason;
            if (mine.isEmpty()) {
                status = CheckStatus.NOT_RUN;
                reason = "no scenario for " + item.id() + " ran in this run";
            } else if (item.id().startsWith("D") && mine.stream().anyMatch(o -> o.status() != CheckStatus.NOT_RUN)) {
                // Design-card items are umbrellas over whole features: the scenarios that could not run here
                // are reported under their own checklist IDs, so they do not make the umbrella NOT_RUN.
                status = mine.stream().map(ScenarioOutcome::status).filter(st -> st != CheckStatus.NOT_RUN)
                        .reduce(CheckStatus.PASS, CheckStatus::worse);
                CheckStatus worst = status;
                reason = mine.stream().filter(o -> o.status() == worst && o.message() != null)
                        .map(ScenarioOutcome::message).findFirst().orElse(null);
            } else {
                status = mine.stream().map(ScenarioOutcome::status).reduce(CheckStatus.PASS, CheckStatus::worse);
                CheckStatus worst = status;
                reason = mine.stream().filter(o -> o.status() == worst && o.message() != null)
                        .map(ScenarioOutcome::message).findFirst().orElse(null);
            }
            counts.merge(status, 1, Integer::sum);
            overall = overall.worse(status);
            checks.add(new Verdict.Check(item.id(), item.section(), item.requirement(), status.name(), reason,
                    mine.stream().map(o -> new Verdict.ScenarioResult(o.name(), o.status().name(), o.message(),
                            o.uri() + ":" + o.line())).toList()));
        }
        String overallText = overall.failsTheGate() ? "FAIL" : overall.incomplete() ? "INCOMPLETE" : "PASS";
        boolean simulation = "sim".equals(facts.get("env"));
        Map<String, Integer> countsByName = new LinkedHashMap<>();
        for (CheckStatus s : CheckStatus.values()) {
            countsByName.put(s.name(), counts.getOrDefault(s, 0));
        }
        return new Verdict(1, overallText, simulation, simulation ? SIMULATION_NOTICE : null,
                new Verdict.Run(facts.get("release.tag"), facts.get("env"), facts.get("kube.context"), facts.get("image"),
                        facts.get("image.digest"), facts.get("chart.version"), facts.get("helm.version"), facts.get("bff"),
                        facts.get("prometheus"), start.toString(), end.toString()),
                countsByName, checks);
    }
}
