package com.bffaccounting.gate.sim;

import com.bffaccounting.gate.config.Settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What SimBff is started with: the values a deployment gives the container (the allowlist) and the
 * state of the external systems it syncs with, plus the faults switched on.
 */
public record SimBffConfig(List<String> allowlist, List<SyncSource> syncSources, Set<Fault> faults, Routes routes) {

    public SimBffConfig(List<String> allowlist, List<SyncSource> syncSources, Set<Fault> faults) {
        this(allowlist, syncSources, faults, Routes.CONTRACT);
    }

    /**
     * Where the simulated BFF answers and what it calls things — CONTRACT.md's defaults, or a team's own
     * (taken from the suite's settings), so that a team that renamed them can still rehearse in sim.
     */
    public record Routes(String tenantHeader, String healthPath, String readyPath, String metricsPath, String probePath,
                         String deniedErrorCode) {
        public static final Routes CONTRACT = new Routes("X-Tenant", "/health", "/ready", "/metrics",
                "/v1/accounting/audit", "TENANT_NOT_ENABLED");

        /** The probe's path without its query: {@code /v1/accounting/audit?page=1} → {@code /v1/accounting/audit}. */
        public static String pathOf(String pathAndQuery) {
            int query = pathAndQuery.indexOf('?');
            return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        }

        boolean gated(String path) {
            return path.equals(probePath) || path.startsWith("/v1/");
        }
    }

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

    /**
     * SimBff gets what a deployment would give the container. Faults that are about configuration
     * (an empty allowlist) change that input; the others switch a behaviour inside SimBff.
     */
    public static SimBffConfig of(Settings settings) {
        Set<Fault> faults = Fault.activeIn(settings);
        List<String> allowlist = faults.contains(Fault.ALLOWLIST_EMPTY) ? List.of() : settings.gating.allowlist();
        List<SimBffConfig.SyncSource> sources = new ArrayList<>();
        List<String> names = settings.sim.syncSources();
        for (int i = 0; i < names.size(); i++) {
            boolean first = i == 0;
            Duration lag = first && faults.contains(Fault.SYNC_STALE)
                    ? settings.sync.maxLag().plus(settings.sync.maxLag().dividedBy(5)) // 6 min against a 5 min SLO
                    : settings.sim.syncLag();
            double errorRate = first && faults.contains(Fault.SYNC_ERROR_RATE)
                    ? settings.sync.maxErrorRate() + 0.01 // 6 % against a 5 % SLO
                    : settings.sim.syncErrorRate();
            Duration stale = settings.sync.maxLag().plus(settings.sync.maxLag().dividedBy(5));
            if (i == 1 && faults.contains(Fault.ALERT_STUCK)) {
                // stale for good: ExternalSyncStale fires and stays firing past the P1 window
                sources.add(new SyncSource(names.get(i), stale, errorRate));
            } else if (i == 2 && faults.contains(Fault.ALERT_FLAP)) {
                // stale when monitoring starts watching, synced again soon after: the alert fires, then resolves
                sources.add(new SyncSource(names.get(i), stale, errorRate, settings.sim.flapRecoversAfter(), settings.sim.syncLag()));
            } else {
                sources.add(new SyncSource(names.get(i), lag, errorRate));
            }
        }
        Routes routes = new Routes(settings.gating.tenantHeader(), settings.bff.healthPath(),
                settings.bff.readyPath(), settings.bff.metricsPath(), Routes.pathOf(settings.gating.probePath()),
                settings.gating.deniedErrorCode());
        return new SimBffConfig(allowlist, sources, faults, routes);
    }

}
