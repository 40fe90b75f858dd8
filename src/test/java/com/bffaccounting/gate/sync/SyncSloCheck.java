package com.bffaccounting.gate.sync;

import com.bffaccounting.gate.config.SyncSettings;
import com.bffaccounting.gate.metrics.MetricsSnapshot;
import com.bffaccounting.gate.metrics.Sample;
import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.Inconclusive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * C12.1 and C12.2 from one direct scrape of the BFF, for runs without Prometheus. The error rate is
 * then errors ÷ calls since the process started (the counters' whole life), not over the last day —
 * every message says so. No series at all is a failure (or INCONCLUSIVE where configured), never a pass.
 */
public final class SyncSloCheck {
    public static final String WINDOW_NOTE = "window: since process start (direct scrape, no Prometheus)";

    private final SyncSettings sync;

    public SyncSloCheck(SyncSettings sync) {
        this.sync = sync;
    }

    public List<SourceFinding> lag(MetricsSnapshot snapshot, Instant now) {
        List<Sample> samples = requireSeries(snapshot, sync.lastTsMetric());
        List<SourceFinding> findings = new ArrayList<>();
        for (Sample s : samples) {
            String source = sourceOf(s);
            double lagSeconds = now.toEpochMilli() / 1000.0 - s.value();
            Optional<String> problem = Double.isNaN(s.value())
                    ? Optional.of("last sync time is NaN")
                    : lagSeconds > sync.maxLag().toSeconds()
                    ? Optional.of("last synced " + human(lagSeconds) + " ago, more than " + human(sync.maxLag().toSeconds()))
                    : Optional.empty();
            findings.add(new SourceFinding(source, lagSeconds, problem));
        }
        return findings;
    }

    public List<SourceFinding> errorRate(MetricsSnapshot snapshot) {
        List<Sample> calls = requireSeries(snapshot, sync.callsMetric());
        Map<String, Double> errorsBySource = new LinkedHashMap<>();
        for (Sample s : requireSeries(snapshot, sync.errorsMetric())) {
            errorsBySource.merge(sourceOf(s), s.value(), Double::sum);
        }
        List<SourceFinding> findings = new ArrayList<>();
        List<String> noCalls = new ArrayList<>();
        for (Sample s : calls) {
            String source = sourceOf(s);
            Double errors = errorsBySource.get(source);
            if (errors == null) {
                findings.add(new SourceFinding(source, Double.NaN, Optional.of(sync.errorsMetric()
                        + " has no series for this source, so its error rate is unknown")));
                continue;
            }
            if (s.value() <= 0) {
                noCalls.add(source);
                continue;
            }
            double rate = errors / s.value();
            findings.add(new SourceFinding(source, rate, rate > sync.maxErrorRate()
                    ? Optional.of(String.format("error rate %.2f%% (%s of %s calls) is above %.2f%% — %s", rate * 100,
                    fmt(errors), fmt(s.value()), sync.maxErrorRate() * 100, WINDOW_NOTE))
                    : Optional.empty(), Map.of("errors", errors, "calls", s.value())));
        }
        if (!noCalls.isEmpty() && findings.stream().allMatch(f -> f.problem().isEmpty())) {
            throw new Inconclusive("no sync calls recorded yet for " + noCalls + ", so their error rate is undefined ("
                    + WINDOW_NOTE + ")");
        }
        return findings;
    }

    private List<Sample> requireSeries(MetricsSnapshot snapshot, String metric) {
        List<Sample> samples = snapshot.samples(metric);
        if (samples.isEmpty()) {
            String message = "no " + metric + " series at all: the external-sync metrics are not exposed by the BFF";
            if (sync.absentIsInconclusive()) {
                throw new Inconclusive(message);
            }
            throw new CheckFailed(message);
        }
        return samples;
    }

    private String sourceOf(Sample s) {
        String source = s.label(sync.sourceLabel());
        return source == null ? "(no " + sync.sourceLabel() + " label)" : source;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
    }

    public static String human(double seconds) {
        Duration d = Duration.ofMillis((long) (seconds * 1000));
        if (d.toSeconds() < 120) {
            return d.toSeconds() + "s";
        }
        return d.toMinutes() + "m" + (d.toSecondsPart() == 0 ? "" : d.toSecondsPart() + "s");
    }
}
