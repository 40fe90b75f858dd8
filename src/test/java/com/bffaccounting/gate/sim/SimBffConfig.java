package com.bffaccounting.gate.sim;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What SimBff is started with: the values a deployment gives the container (the allowlist) and the
 * state of the external systems it syncs with, plus the faults switched on.
 */
public record SimBffConfig(List<String> allowlist, List<SyncSource> syncSources, Set<Fault> faults) {

    /**
     * An external adapter: how far behind its last successful sync is, and its share of failed calls.
     * A flapping source is {@code lag} behind until {@code recoversAfterWatched} after monitoring's first
     * scrape, then as fresh as {@code recoveredLag}.
     */
    public record SyncSource(String name, Duration lag, double errorRate, Duration recoversAfterWatched, Duration recoveredLag) {
        public SyncSource(String name, Duration lag, double errorRate) {
            this(name, lag, errorRate, null, null);
        }
    }

    public boolean has(Fault fault) {
        return faults.contains(fault);
    }

    String allowlistJson() {
        return allowlist.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
