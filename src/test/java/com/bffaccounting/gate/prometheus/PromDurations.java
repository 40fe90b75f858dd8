package com.bffaccounting.gate.prometheus;

import java.time.Duration;

/** Durations in Prometheus' notation ({@code 1d}, {@code 5m}, {@code 30s}, {@code 500ms}). */
public final class PromDurations {
    private PromDurations() {
    }

    public static String of(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        if (s > 0 && s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s > 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s > 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
