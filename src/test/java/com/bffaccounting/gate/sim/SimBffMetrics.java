package com.bffaccounting.gate.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * SimBff's {@code /metrics}: {@code http_requests_total} by method, route, code and tenant (what it answered),
 * the external-sync series of each source (its lag, calls and errors as the config and faults say), and
 * {@code process_start_time_seconds}. A flapping source recovers some time after Prometheus first scraped.
 */
final class SimBffMetrics {
    /**
     * How many sync calls each source makes per second of simulated life: 100, so that a whole number
     * of errors per second gives the configured ratio exactly (1 % = 1 error a second).
     */
    private static final int SYNC_CALLS_PER_SECOND = 100;

    private final Supplier<SimBffConfig> config;
    private final Clock clock;
    private final Instant startedAt;
    private final Map<List<String>, LongAdder> requestCounts = new ConcurrentHashMap<>();
    /** When Prometheus first scraped (User-Agent Prometheus/…): flapping sources recover relative to it. */
    private volatile Instant firstPrometheusScrape;

    SimBffMetrics(Supplier<SimBffConfig> config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** A scrape came from Prometheus: the first one starts the flapping sources' clock. */
    void scrapedByPrometheus() {
        if (firstPrometheusScrape == null) {
            firstPrometheusScrape = clock.instant();
        }
    }

    private static String routeOf(String path) {
        return path.startsWith("/v1/accounting/") ? "/v1/accounting/:resource" : path;
    }

    /** One request answered, by method, route, status and tenant. */
    void count(String method, String path, int status, String tenant) {
        String route = routeOf(path);
        if (!config.get().breaks().countsRequests) {
            return;
        }
        requestCounts.computeIfAbsent(List.of(method, route, Integer.toString(status), tenant == null ? "" : tenant),
                k -> new LongAdder()).increment();
    }

    /** The exposition a scrape gets: the request counter, the sync series, the process's start. */
    String render() {
        StringBuilder out = new StringBuilder();
        if (config.get().breaks().exposesRequestCounter) {
            out.append("# HELP http_requests_total Total number of HTTP requests\n");
            out.append("# TYPE http_requests_total counter\n");
            requestCounts.forEach((key, count) -> out.append("http_requests_total{method=\"").append(key.get(0))
                    .append("\",route=\"").append(key.get(1)).append("\",code=\"").append(key.get(2))
                    .append("\",tenant=\"").append(escape(key.get(3))).append("\"} ").append(count.sum()).append('\n'));
        }
        if (config.get().breaks().exposesSyncSeries) {
            renderSyncMetrics(out);
        }
        out.append("# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.\n");
        out.append("# TYPE process_start_time_seconds gauge\n");
        out.append("process_start_time_seconds ").append(startedAt.getEpochSecond()).append('\n');
        return out.toString();
    }

    private void renderSyncMetrics(StringBuilder out) {
        Instant now = clock.instant();
        long aliveSeconds = Math.max(0, Duration.between(startedAt, now).toSeconds());
        List<String> lastTs = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (SimBffConfig.SyncSource source : config.get().syncSources()) {
            Duration lag = source.lag();
            if (source.recoversAfterWatched() != null && firstPrometheusScrape != null
                    && now.isAfter(firstPrometheusScrape.plus(source.recoversAfterWatched()))) {
                lag = source.recoveredLag();
            }
            double lastSync = now.minus(lag).toEpochMilli() / 1000.0;
            long callCount = 1000 + aliveSeconds * SYNC_CALLS_PER_SECOND;
            long errorCount = Math.round(callCount * source.errorRate());
            String labels = "{source=\"" + escape(source.name()) + "\"} ";
            lastTs.add("external_sync_last_ts_seconds" + labels + lastSync);
            calls.add("external_sync_calls_total" + labels + callCount);
            errors.add("external_sync_errors_total" + labels + errorCount);
        }
        out.append("# HELP external_sync_last_ts_seconds Unix time of the last successful sync per source\n");
        out.append("# TYPE external_sync_last_ts_seconds gauge\n");
        lastTs.forEach(l -> out.append(l).append('\n'));
        out.append("# HELP external_sync_calls_total Sync calls per source\n");
        out.append("# TYPE external_sync_calls_total counter\n");
        calls.forEach(l -> out.append(l).append('\n'));
        out.append("# HELP external_sync_errors_total Failed sync calls per source\n");
        out.append("# TYPE external_sync_errors_total counter\n");
        errors.forEach(l -> out.append(l).append('\n'));
    }

    private static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

}
