package com.bffaccounting.gate.sim;

import com.bffaccounting.gate.config.Settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What SimBff is started with: the values a deployment gives the container (the allowlist), the
 * state of the external systems it syncs with, and how its faults have it depart from CONTRACT.md.
 */
public record SimBffConfig(List<String> allowlist, List<SyncSource> syncSources, FaultEffects.Bff breaks, Routes routes) {

    public SimBffConfig(List<String> allowlist, List<SyncSource> syncSources, FaultEffects.Bff breaks) {
        this(allowlist, syncSources, breaks, Routes.CONTRACT);
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

    String allowlistJson() {
        return allowlist.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** SimBff as this run's faults have it (GatingMatrixHarness starts one on its own). */
    public static SimBffConfig of(Settings settings) {
        return of(settings, FaultEffects.of(settings));
    }

    /**
     * SimBff gets what a deployment would give the container (the allowlist, which a fault may empty) and the
     * state of the sources it syncs with; its own faults change how it answers ({@link FaultEffects.Bff}).
     */
    static SimBffConfig of(Settings settings, FaultEffects faults) {
        List<String> allowlist = faults.deployedWithEmptyAllowlist ? List.of() : settings.gating.allowlist();
        List<SimBffConfig.SyncSource> sources = new ArrayList<>();
        List<String> names = settings.sim.syncSources();
        Duration stale = settings.sync.maxLag().plus(settings.sync.maxLag().dividedBy(5)); // 6 min against a 5 min SLO
        for (int i = 0; i < names.size(); i++) {
            boolean first = i == 0;
            Duration lag = first && faults.firstSourceStale ? stale : settings.sim.syncLag();
            double errorRate = first && faults.firstSourceErring
                    ? settings.sync.maxErrorRate() + 0.01 // 6 % against a 5 % SLO
                    : settings.sim.syncErrorRate();
            if (i == 1 && faults.secondSourceStuck) {
                sources.add(new SyncSource(names.get(i), stale, errorRate));
            } else if (i == 2 && faults.thirdSourceFlaps) {
                sources.add(new SyncSource(names.get(i), stale, errorRate, settings.sim.flapRecoversAfter(), settings.sim.syncLag()));
            } else {
                sources.add(new SyncSource(names.get(i), lag, errorRate));
            }
        }
        Routes routes = new Routes(settings.gating.tenantHeader(), settings.bff.healthPath(),
                settings.bff.readyPath(), settings.bff.metricsPath(), Routes.pathOf(settings.gating.probePath()),
                settings.gating.deniedErrorCode());
        return new SimBffConfig(allowlist, sources, faults.bff, routes);
    }
}
