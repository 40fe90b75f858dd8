package com.bffaccounting.gate.sync;

import com.bffaccounting.gate.outcome.Observation;

import java.util.Map;
import java.util.Optional;

/**
 * One external source's value for one SLO, and what is wrong with it (empty when within the SLO).
 *
 * @param counts the counts the value was made of, where known: errors and calls over the window
 */
public record SourceFinding(String source, double value, Optional<String> problem, Map<String, Double> counts) {
    public SourceFinding(String source, double value, Optional<String> problem) {
        this(source, value, problem, Map.of());
    }

    public SourceFinding {
        counts = Map.copyOf(counts);
    }

    /** C12.1's observation: {@code bank-sbx lag 20 s (limit 300 s)}. */
    public Observation asLag(double maxLagSeconds) {
        return Observation.measure("lag", value, "s").of(source).against(maxLagSeconds)
                .says(source + " last synced " + Observation.withUnit(value, "s") + " ago (limit " + Observation.withUnit(maxLagSeconds, "s") + ")");
    }

    /** C12.2's observation: the rate in per cent, what it was made of, the window, and the limit. */
    public Observation asErrorRate(double maxRate, String window) {
        Double errors = counts.get("errors");
        Double calls = counts.get("calls");
        String made = errors == null || calls == null ? "" : " (" + Observation.plain(errors) + " errors in " + Observation.plain(calls) + " calls)";
        return Observation.measure("error rate", value * 100, "%").of(source).against(maxRate * 100)
                .says(source + " error rate " + Observation.withUnit(value * 100, "%") + made + " over " + window
                        + " (limit " + Observation.withUnit(maxRate * 100, "%") + ")");
    }
}
