package com.bffaccounting.gate.sync;

import com.bffaccounting.gate.config.SyncSettings;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.metrics.MetricsScraper;
import com.bffaccounting.gate.metrics.Sample;
import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.Findings;
import com.bffaccounting.gate.prometheus.PromDurations;
import com.bffaccounting.gate.prometheus.PrometheusClient;
import com.bffaccounting.gate.waits.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Where C12.1 and C12.2 read the external-sync SLOs from: PromQL over the configured window when the
 * run has Prometheus (exact, as the customer's dashboards are), otherwise one direct scrape of the BFF
 * whose window is "since process start" and says so. The choice is made once, here, not in the steps.
 */
public abstract sealed class SyncReadings {
    protected final SyncSettings sync;
    /** Named evidence texts, filled as readings are made. */
    protected final Map<String, Supplier<String>> evidence = new LinkedHashMap<>();

    private SyncReadings(SyncSettings sync) {
        this.sync = sync;
    }

    /**
     * Prometheus when there is one; otherwise a scrape taken now. A BFF that refuses the scrape (a 4xx) fails
     * the SLO as it fails C11.4: its sync series cannot be monitored. A Prometheus that cannot reach the BFF
     * leaves the SLO undecided: INCONCLUSIVE.
     */
    public static SyncReadings choose(Optional<PrometheusClient> prometheus, Supplier<MetricsScraper> scraper,
                                      Settings settings) {
        if (prometheus.isPresent()) {
            prometheus.get().requireScrapedTarget();
            return new ThroughPrometheus(settings.sync, prometheus.get(), settings.timeouts.prometheusSamples());
        }
        MetricsScraper.Scrape scrape;
        try {
            scrape = scraper.get().scrape();
        } catch (MetricsScraper.ScrapeRefused e) {
            // the BFF refused a header-less scrape, as it would refuse Prometheus's: one fact, judged as C11.4 judges it
            throw new CheckFailed("the sync metrics cannot be scraped: " + e.getMessage());
        }
        return new FromScrape(settings.sync, scrape, Instant.now());
    }

    /** Where the numbers come from, for the report line. */
    public abstract String describe();

    /** The window the error rate is really measured over: "1d from Prometheus", "since the BFF started (…)". */
    public abstract String errorRateWindow();

    public abstract List<SourceFinding> lag();

    public abstract List<SourceFinding> errorRate();

    public Map<String, Supplier<String>> evidence() {
        return Map.copyOf(evidence);
    }

    /** Every source within the SLO, or the one outcome they add up to. */
    public static void conclude(List<SourceFinding> findings, String population) {
        Findings all = new Findings(population);
        findings.forEach(f -> f.problem().ifPresentOrElse(p -> all.fail(f.source(), p), () -> all.pass(f.source())));
        all.conclude();
    }

    private static final class ThroughPrometheus extends SyncReadings {
        private final PrometheusClient prometheus;
        private final PromSyncSloCheck check;

        ThroughPrometheus(SyncSettings sync, PrometheusClient prometheus, Timeout settle) {
            super(sync);
            this.prometheus = prometheus;
            this.check = new PromSyncSloCheck(prometheus, sync, settle);
        }

        @Override
        public String describe() {
            return "through Prometheus at " + prometheus.url();
        }

        @Override
        public String errorRateWindow() {
            return PromDurations.of(sync.errorRateWindow()) + " from Prometheus";
        }

        @Override
        public List<SourceFinding> lag() {
            return recorded(check.lag());
        }

        @Override
        public List<SourceFinding> errorRate() {
            return recorded(check.errorRate());
        }

        private List<SourceFinding> recorded(PromSyncSloCheck.Evaluation e) {
            evidence.put("PromQL " + e.result().query(), () -> "query: " + e.result().query() + "\nevaluated at: "
                    + e.result().evaluatedAt() + "\nanswer: " + e.result().raw());
            return e.findings();
        }
    }

    private static final class FromScrape extends SyncReadings {
        private final MetricsScraper.Scrape scrape;
        private final Instant scrapedAt;

        FromScrape(SyncSettings sync, MetricsScraper.Scrape scrape, Instant scrapedAt) {
            super(sync);
            this.scrape = scrape;
            this.scrapedAt = scrapedAt;
            evidence.put("external-sync series (" + SyncSloCheck.WINDOW_NOTE + ")", () -> scrape.text().lines()
                    .filter(l -> l.contains(sync.lastTsMetric()) || l.contains(sync.callsMetric()) || l.contains(sync.errorsMetric()))
                    .collect(Collectors.joining("\n")));
        }

        @Override
        public String describe() {
            return "no Prometheus: " + SyncSloCheck.WINDOW_NOTE;
        }

        /** The counters' whole life: since the process started, as long ago as its standard series says, if it has one. */
        @Override
        public String errorRateWindow() {
            List<Sample> started = scrape.snapshot().samples("process_start_time_seconds");
            String age = started.isEmpty() ? "" : Duration.between(Instant.ofEpochMilli((long) (started.get(0).value() * 1000)),
                    scrapedAt).toMinutes() + " min, ";
            return "since the BFF started (" + age + "direct scrape)";
        }

        @Override
        public List<SourceFinding> lag() {
            return new SyncSloCheck(sync).lag(scrape.snapshot(), scrapedAt);
        }

        @Override
        public List<SourceFinding> errorRate() {
            return new SyncSloCheck(sync).errorRate(scrape.snapshot());
        }
    }
}
