package com.bffaccounting.gate.prometheus;

import com.bffaccounting.gate.outcome.Observation;

import com.bffaccounting.gate.outcome.P1Finding;
import com.bffaccounting.gate.waits.Timeout;
import com.bffaccounting.gate.waits.Wait;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * C12.3: an alert that fires must resolve within the P1 window after it became active. Waits while it
 * can still resolve in time; still firing past {@code activeAt + window} is a {@link P1Finding}.
 * Pending alerts are waited on too: their condition holds, and they will fire unless it stops.
 */
public final class AlertWatch {
    private final PrometheusClient prometheus;
    private final String alertName;
    private final Duration p1Window;
    private final Timeout timeout;
    private final Clock clock;

    /**
     * @param p1Window how long an alert may be active before it is a P1
     * @param timeout  how long to watch at most: the window and a margin for Prometheus to evaluate
     */
    public AlertWatch(PrometheusClient prometheus, String alertName, Duration p1Window, Timeout timeout, Clock clock) {
        this.prometheus = prometheus;
        this.alertName = alertName;
        this.p1Window = p1Window;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** What was seen: each source's longest time active and since when, and whether anything was active at all. */
    public record Result(Map<String, Duration> activeFor, Map<String, Instant> activeAt) {
        /** C12.3's observations: the alert's state, and for each source that was active, since when and for how long. */
        public List<Observation> observed(String alertName, Duration p1Window) {
            if (activeFor.isEmpty()) {
                return List.of(Observation.fact("alert state", "inactive").of(alertName).says(alertName + " is not firing"));
            }
            List<Observation> seen = new ArrayList<>();
            activeFor.forEach((source, d) -> seen.add(Observation.measure("active for", d.toMillis() / 1000.0, "s").of(source)
                    .against(p1Window.toSeconds()).says(alertName + " for " + source + " active at " + activeAt.get(source) + ", resolved after "
                            + String.format("%.1f", d.toMillis() / 1000.0) + " s (P1 window " + p1Window.toSeconds() + " s)")));
            return seen;
        }

    }

    public Result await() {
        Map<String, Duration> seen = new LinkedHashMap<>();
        Map<String, Instant> since = new LinkedHashMap<>();
        AtomicReference<String> overdue = new AtomicReference<>();
        Wait.until(alertName + " to resolve within " + p1Window.toSeconds() + " s of becoming active", this::active)
                .within(timeout)
                // firing past the window is final: a P1, however it ends later
                .stoppingEarlyWhen(active -> {
                    Instant now = clock.instant();
                    for (PrometheusClient.Alert alert : active) {
                        String source = alert.labels().getOrDefault("source", "(no source label)");
                        Duration activeFor = Duration.between(alert.activeAt(), now);
                        seen.merge(source, activeFor, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                        since.putIfAbsent(source, alert.activeAt());
                        if (alert.state().equals("firing") && activeFor.compareTo(p1Window) > 0) {
                            overdue.set(alertName + " for source " + source + " has been active for "
                                    + String.format("%.1f", activeFor.toMillis() / 1000.0) + " s (since " + alert.activeAt()
                                    + "), past the P1 window of " + p1Window.toSeconds() + " s");
                            return true;
                        }
                    }
                    return false;
                })
                .describedBy(active -> active.stream().map(a -> a.labels().getOrDefault("source", "?") + " " + a.state()
                        + " since " + a.activeAt()).toList().toString())
                .poll(List::isEmpty)
                .orThrow();
        if (overdue.get() != null) {
            throw new P1Finding(overdue.get());
        }
        return new Result(seen, since);
    }

    /** The watched alert's firing or pending instances. */
    private List<PrometheusClient.Alert> active() {
        return prometheus.alerts().stream().filter(a -> a.name().equals(alertName))
                .filter(a -> a.state().equals("firing") || a.state().equals("pending")).toList();
    }
}
