package com.bffaccounting.gate.sim.cluster;

import java.time.Duration;

/**
 * What the simulated kubelet does with a pod of a given image: run it, fail to pull it, crash-loop it,
 * or make it ready only after a delay (a slow rollout).
 */
public record PodFate(Kind kind, Duration readyAfter, String message) {
    public enum Kind { RUNS, IMAGE_PULL_FAILS, CRASH_LOOPS }

    public static PodFate runs(Duration readyAfter) {
        return new PodFate(Kind.RUNS, readyAfter, null);
    }

    public static PodFate pullFails(String message) {
        return new PodFate(Kind.IMAGE_PULL_FAILS, Duration.ZERO, message);
    }

    public static PodFate crashLoops() {
        return new PodFate(Kind.CRASH_LOOPS, Duration.ZERO, "back-off restarting failed container bff-accounting");
    }
}
