package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.evidence.Evidence;
import com.bffaccounting.gate.metrics.MetricsScraper;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.prometheus.AlertWatch;
import com.bffaccounting.gate.prometheus.PrometheusClient;
import com.bffaccounting.gate.sync.PromSyncSloCheck;
import com.bffaccounting.gate.sync.SourceFinding;
import com.bffaccounting.gate.sync.SyncSloCheck;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * C12: external-sync SLOs. Through PromQL when Prometheus is there (exact, over the configured window);
 * otherwise from one direct scrape of the BFF, saying so. C12.3 (the alert's lifecycle) needs
 * Prometheus and is NOT_RUN without it.
 */
public class SyncSteps {
    private final RunContext context;
    private final BffSession bff;
    private final Evidence evidence;
    private final ScenarioLog scenario;
    private Optional<PrometheusClient> prometheus;
    private MetricsScraper.Scrape scrape;
    private Instant scrapedAt;

    public SyncSteps(RunContext context, BffSession bff, Evidence evidence, ScenarioLog scenario) {
        this.scenario = scenario;
        this.context = context;
        this.bff = bff;
        this.evidence = evidence;
    }

    @When("the external-sync metrics are read")
    public void readSyncMetrics() {
        prometheus = context.targets().prometheus().get();
        if (prometheus.isPresent()) {
            try {
                prometheus.get().requireScrapedTarget();
            } catch (PrometheusClient.PrometheusException e) {
                throw new Inconclusive(e.getMessage());
            }
            scenario.log("read through Prometheus at " + prometheus.get().url());
            return;
        }
        scenario.log("no Prometheus (" + context.targets().prometheus().absentReason() + "): " + SyncSloCheck.WINDOW_NOTE);
        try {
            scrape = new MetricsScraper(bff.client(), context.settings().bff.metricsPath()).scrape();
        } catch (MetricsScraper.ScrapeRefused e) {
            // The SLO question cannot be answered without the series; the refusal itself is C11.4's failure.
            throw new Inconclusive("cannot read the external-sync metrics: " + e.getMessage());
        }
        scrapedAt = Instant.now();
        evidence.add("external-sync series (" + SyncSloCheck.WINDOW_NOTE + ")", () -> scrape.text().lines()
                .filter(l -> l.contains(context.settings().sync.lastTsMetric()) || l.contains(context.settings().sync.callsMetric())
                        || l.contains(context.settings().sync.errorsMetric()))
                .collect(Collectors.joining("\n")));
    }

    @Then("every source's last sync is within the allowed lag")
    public void lagWithinSlo() {
        assertFindings(prometheus.isPresent()
                ? promql(() -> new PromSyncSloCheck(prometheus.get(), context.settings().sync, settle()).lag())
                : new SyncSloCheck(context.settings().sync).lag(scrape.snapshot(), scrapedAt), "sources are behind");
    }

    @Then("every source's sync error rate is within the allowed ratio")
    public void errorRateWithinSlo() {
        assertFindings(prometheus.isPresent()
                ? promql(() -> new PromSyncSloCheck(prometheus.get(), context.settings().sync, settle()).errorRate())
                : new SyncSloCheck(context.settings().sync).errorRate(scrape.snapshot()), "sources fail too often");
    }

    private java.time.Duration settle() {
        java.time.Duration threeScrapes = context.settings().prometheus.scrapeInterval().multipliedBy(3);
        return threeScrapes.compareTo(java.time.Duration.ofSeconds(5)) > 0 ? threeScrapes : java.time.Duration.ofSeconds(5);
    }

    /** Runs a PromQL evaluation, attaching the query, its evaluation time and the answer. */
    private List<SourceFinding> promql(Supplier<PromSyncSloCheck.Evaluation> evaluation) {
        PromSyncSloCheck.Evaluation e;
        try {
            e = evaluation.get();
        } catch (PrometheusClient.PrometheusException ex) {
            throw new Inconclusive(ex.getMessage());
        }
        evidence.add("PromQL " + e.result().query(), () -> "query: " + e.result().query() + "\nevaluated at: "
                + e.result().evaluatedAt() + "\nanswer: " + e.result().raw());
        scenario.log("PromQL " + e.result().query() + " at " + e.result().evaluatedAt() + ": " + e.findings().stream()
                .map(f -> f.source() + "=" + String.format("%.4g", f.value())).collect(Collectors.joining(", ")));
        return e.findings();
    }

    private static void assertFindings(List<SourceFinding> findings, String summary) {
        List<SourceFinding> bad = findings.stream().filter(f -> f.problem().isPresent()).toList();
        if (!bad.isEmpty()) {
            throw new AssertionError(bad.size() + " of " + findings.size() + " " + summary + ": " + bad.stream()
                    .map(f -> f.source() + " " + f.problem().orElseThrow()).collect(Collectors.joining("; ")));
        }
    }

    @Then("the ExternalSyncStale alert is not firing, or resolves within the P1 window")
    public void alertResolves() {
        PrometheusClient client = context.targets().prometheus().require();
        var sync = context.settings().sync;
        AlertWatch.Result result;
        try {
            client.requireScrapedTarget();
            result = new AlertWatch(client, sync.alertName(), sync.p1Window(), Clock.systemUTC()).await();
        } catch (PrometheusClient.PrometheusException e) {
            throw new Inconclusive(e.getMessage());
        }
        scenario.log(sync.alertName() + ": " + result.describe() + " (P1 window " + sync.p1Window().toSeconds() + " s, Prometheus " + client.url() + ")");
    }
}
