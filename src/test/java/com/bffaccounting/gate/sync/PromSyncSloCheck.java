package com.bffaccounting.gate.sync;

import com.bffaccounting.gate.config.SyncSettings;
import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.prometheus.PromDurations;
import com.bffaccounting.gate.prometheus.PrometheusClient;
import com.bffaccounting.gate.waits.Timeout;
import com.bffaccounting.gate.waits.Wait;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * C12.1 and C12.2 as the team's monitoring asks them, through PromQL: lag is
 * {@code time() - external_sync_last_ts_seconds}, the error rate is
 * {@code increase(errors[1d]) / increase(calls[1d])}, per source. No series is a failure (or
 * INCONCLUSIVE where configured); NaN means no calls in the window and is INCONCLUSIVE.
 */
public final class PromSyncSloCheck {
    private final PrometheusClient prometheus;
    private final SyncSettings sync;
    private final Timeout settle;

    /** @param settle how long a rate may take to have the two samples it needs (a few scrape intervals) */
    public PromSyncSloCheck(PrometheusClient prometheus, SyncSettings sync, Timeout settle) {
        this.prometheus = prometheus;
        this.sync = sync;
        this.settle = settle;
    }

    public String lagQuery() {
        return "time() - " + sync.lastTsMetric();
    }

    public String errorRateQuery() {
        return increase(sync.errorsMetric()) + " / " + increase(sync.callsMetric());
    }

    /** {@code sum by (source) (increase(metric[1d]))}: a counter's growth per source over the error-rate window. */
    private String increase(String metric) {
        return "sum by (" + sync.sourceLabel() + ") (increase(" + metric + "[" + PromDurations.of(sync.errorRateWindow()) + "]))";
    }

    private Map<String, Double> bySource(PrometheusClient.QueryResult result) {
        Map<String, Double> values = new HashMap<>();
        result.samples().forEach(s -> values.put(source(s), s.value()));
        return values;
    }

    public record Evaluation(PrometheusClient.QueryResult result, List<SourceFinding> findings) {
    }

    public Evaluation lag() {
        PrometheusClient.QueryResult result = nonEmpty(prometheus.query(lagQuery()), sync.lastTsMetric());
        List<SourceFinding> findings = new ArrayList<>();
        for (PrometheusClient.VectorSample s : result.samples()) {
            double lag = s.value();
            Optional<String> problem = Double.isNaN(lag) ? Optional.of("lag is NaN")
                    : lag > sync.maxLag().toSeconds()
                    ? Optional.of("last synced " + SyncSloCheck.human(lag) + " ago, more than " + SyncSloCheck.human(sync.maxLag().toSeconds()))
                    : Optional.empty();
            findings.add(new SourceFinding(source(s), lag, problem));
        }
        return new Evaluation(result, findings);
    }

    public Evaluation errorRate() {
        nonEmpty(prometheus.query(sync.callsMetric()), sync.callsMetric());
        nonEmpty(prometheus.query(sync.errorsMetric()), sync.errorsMetric());
        // increase() needs two samples of each series, with calls between them; right after Prometheus starts
        // there may be one, or two a moment apart (a wait that runs out is reported below as INCONCLUSIVE, with the query)
        PrometheusClient.QueryResult result = Wait.until("two samples with calls between them for " + errorRateQuery(),
                        () -> prometheus.query(errorRateQuery()))
                .within(settle)
                .poll(answer -> !answer.samples().isEmpty() && answer.samples().stream().noneMatch(s -> Double.isNaN(s.value())))
                .last();
        if (result.samples().isEmpty()) {
            throw new Inconclusive("query " + result.query() + " returned no result: the calls and errors series do not match by "
                    + sync.sourceLabel() + ", or have fewer than two samples in the window");
        }
        List<SourceFinding> findings = new ArrayList<>();
        List<String> undefined = new ArrayList<>();
        // what each rate is made of, for the report: errors and calls over the same window
        Map<String, Double> errors = bySource(prometheus.query(increase(sync.errorsMetric())));
        Map<String, Double> calls = bySource(prometheus.query(increase(sync.callsMetric())));
        for (PrometheusClient.VectorSample s : result.samples()) {
            if (Double.isNaN(s.value()) || Double.isInfinite(s.value())) {
                undefined.add(source(s));
                continue;
            }
            Map<String, Double> counts = errors.containsKey(source(s)) && calls.containsKey(source(s))
                    ? Map.of("errors", errors.get(source(s)), "calls", calls.get(source(s))) : Map.of();
            findings.add(new SourceFinding(source(s), s.value(), s.value() > sync.maxErrorRate()
                    ? Optional.of(String.format("error rate %.2f%% over %s is above %.2f%%", s.value() * 100,
                    PromDurations.of(sync.errorRateWindow()), sync.maxErrorRate() * 100))
                    : Optional.empty(), counts));
        }
        if (!undefined.isEmpty() && findings.stream().allMatch(f -> f.problem().isEmpty())) {
            throw new Inconclusive("no sync calls in the window for " + undefined + " (query " + result.query() + " is NaN)");
        }
        return new Evaluation(result, findings);
    }

    private PrometheusClient.QueryResult nonEmpty(PrometheusClient.QueryResult result, String metric) {
        if (result.samples().isEmpty()) {
            String message = "no " + metric + " series at all in Prometheus (query " + result.query()
                    + "): the external-sync metrics are not exposed by the BFF, or not scraped";
            if (sync.absentIsInconclusive()) {
                throw new Inconclusive(message);
            }
            throw new CheckFailed(message);
        }
        return result;
    }

    private String source(PrometheusClient.VectorSample s) {
        return s.labels().getOrDefault(sync.sourceLabel(), "(no " + sync.sourceLabel() + " label)");
    }
}
