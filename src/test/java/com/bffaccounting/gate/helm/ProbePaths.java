package com.bffaccounting.gate.helm;

import com.bffaccounting.gate.http.BffClient;
import com.bffaccounting.gate.outcome.Unreachable;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The readiness and liveness paths the chart renders, tried on the BFF itself: a probe on a path the
 * BFF does not answer with 200 keeps the pods unready or restarts them, however the path is named.
 */
public record ProbePaths(Map<String, String> byProbe) {

    /** Adds a problem per path that does not answer 200; says so in the report when the run has no BFF. */
    public void tryOn(Optional<BffClient> bff, List<String> problems, List<String> undecided, Consumer<String> report) {
        if (bff.isEmpty()) {
            report.accept("this run has no BFF: the rendered probe paths " + byProbe + " were not called");
            return;
        }
        byProbe.forEach((probe, path) -> {
            try {
                int status = bff.get().send("GET", path, Map.of()).status();
                if (status != 200) {
                    problems.add(probe + " path " + path + " answered " + status + " on the BFF (" + bff.get().baseUrl()
                            + "): pods with this probe would " + (probe.startsWith("liveness") ? "be restarted" : "never be ready"));
                } else {
                    report.accept(probe + " path " + path + " answers 200 on the BFF");
                }
            } catch (Unreachable e) {
                undecided.add(probe + " path " + path + " could not be tried: " + e.getMessage());
            }
        });
    }
}
