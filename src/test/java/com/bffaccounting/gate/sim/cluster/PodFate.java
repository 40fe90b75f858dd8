package com.bffaccounting.gate.sim.cluster;

import java.time.Duration;
import java.util.List;

/**
 * What the simulated cluster does with the pods of a given image, each the way a real one shows it (status,
 * conditions, events): run them (ready at once, late, or just inside their readiness probe's budget), fail
 * to pull the image, crash-loop (an error or OOMKilled, in the main container or an init container), never
 * pass the readiness probe, never schedule them, evict them, or let the Deployment's progress deadline pass
 * with them still creating. Pods the API server refuses to create are {@link SimAdmission}'s business.
 *
 * @param message  what the cluster writes about it (an event's or a condition's message)
 * @param lastLog  what a crashing container wrote before it died ({@code kubectl logs --previous})
 */
public record PodFate(Kind kind, Duration readyAfter, String message, List<String> lastLog) {
    public enum Kind {
        RUNS, READY_INSIDE_PROBE_BUDGET, IMAGE_PULL_FAILS, CRASH_LOOPS, OOM_KILLED, INIT_CRASH_LOOPS, NEVER_READY,
        UNSCHEDULABLE, EVICTED, PROGRESS_DEADLINE_PASSES
    }

    public static PodFate runs(Duration readyAfter) {
        return new PodFate(Kind.RUNS, readyAfter, null, List.of());
    }

    public static PodFate of(Kind kind, String message, String... lastLog) {
        return new PodFate(kind, Duration.ZERO, message, List.of(lastLog));
    }

    public static PodFate pullFails(String message) {
        return of(Kind.IMAGE_PULL_FAILS, message);
    }

    public static PodFate crashLoops() {
        return of(Kind.CRASH_LOOPS, "back-off restarting failed container",
                "bff-accounting listening on :8081", "Error: connect ECONNREFUSED 10.96.0.15:5432",
                "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)");
    }
}
