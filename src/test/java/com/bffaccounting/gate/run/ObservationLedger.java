package com.bffaccounting.gate.run;

import com.bffaccounting.gate.outcome.Observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each running scenario saw, from its steps to the verdict. Steps write through their scenario's log
 * (keyed by the scenario's id, which is Cucumber's test case id); {@link VerdictPlugin} takes a scenario's
 * observations when it finishes. A hand-over between two objects Cucumber builds apart: the glue and a plugin.
 */
public final class ObservationLedger {
    private static final Map<String, List<Observation>> BY_SCENARIO = new ConcurrentHashMap<>();

    private ObservationLedger() {
    }

    public static void record(String scenarioId, Observation observation) {
        BY_SCENARIO.computeIfAbsent(scenarioId, id -> new ArrayList<>()).add(observation);
    }

    /** The scenario's observations, in the order they were made; the ledger forgets them. */
    static List<Observation> take(String scenarioId) {
        List<Observation> observed = BY_SCENARIO.remove(scenarioId);
        return observed == null ? List.of() : List.copyOf(observed);
    }
}
