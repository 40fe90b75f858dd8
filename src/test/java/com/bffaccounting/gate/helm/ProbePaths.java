package com.bffaccounting.gate.helm;

import com.bffaccounting.gate.http.BffClient;
import com.bffaccounting.gate.outcome.Unreachable;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The readiness and liveness paths the chart renders, tried on the BFF: C5.2 judges the chart, never the
 * BFF's current state. A path the BFF does not serve (404, 405) is a chart defect — its pods would never be
 * ready, or be restarted, however the path is named. Any other answer (200, or a 503 while the database is
 * down) shows the path is served: what it answers now is C11.1's and C6.1's to judge.
 */
public record ProbePaths(Map<String, String> byProbe) {
    private static final Set<Integer> NOT_SERVED = Set.of(404, 405);

    /**
     * Adds a problem per path the BFF does not serve; says so in the report when the run has no BFF.
     *
     * @param simulatedServes for a simulated BFF, the paths it serves: another path cannot be judged against it
     *                        (a real BFF may serve it), so it is undecided, not failed
     */
    public void tryOn(Optional<BffClient> bff, Optional<Set<String>> simulatedServes, List<String> problems, List<String> undecided,
                      Consumer<String> report) {
        if (bff.isEmpty()) {
            report.accept("this run has no BFF: the rendered probe paths " + byProbe + " were not called");
            return;
        }
        byProbe.forEach((probe, path) -> {
            if (simulatedServes.isPresent() && !simulatedServes.get().contains(path)) {
                undecided.add(probe + " path " + path + " cannot be judged against the simulated BFF, which serves only "
                        + simulatedServes.get() + " (bff.healthPath, bff.readyPath): try it against a real BFF (env=local or cluster)");
                return;
            }
            try {
                int status = bff.get().send("GET", path, Map.of()).status();
                if (NOT_SERVED.contains(status)) {
                    problems.add(probe + " path " + path + " answered " + status + " on the BFF (" + bff.get().baseUrl()
                            + "): the BFF does not serve it, so pods with this probe would "
                            + (probe.startsWith("liveness") ? "be restarted" : "never be ready"));
                } else {
                    report.accept(probe + " path " + path + " is served (it answers " + status + " now"
                            + (status == 200 ? "" : ": the BFF's current state, which C11.1 judges") + ")");
                }
            } catch (Unreachable e) {
                undecided.add(probe + " path " + path + " could not be tried: " + e.getMessage());
            }
        });
    }
}
