package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.evidence.Evidence;
import com.bffaccounting.gate.metrics.MetricsScraper;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.outcome.Observation;
import com.bffaccounting.gate.prometheus.AlertWatch;
import com.bffaccounting.gate.prometheus.PrometheusClient;
import com.bffaccounting.gate.sync.SourceFinding;
import com.bffaccounting.gate.sync.SyncReadings;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * C12: external-sync SLOs, read where {@link SyncReadings} says (Prometheus, or one direct scrape).
 * C12.3 (the alert's lifecycle) needs Prometheus and is NOT_RUN without it. Thresholds come from
 * settings and are stated in the report lines, never in the scenario titles.
 */
public class SyncSteps {
    private final RunContext context;
    private final BffSession bff;
    private final Evidence evidence;
    private final ScenarioLog scenario;
    private SyncReadings readings;

    public SyncSteps(RunContext context, BffSession bff, Evidence evidence, ScenarioLog scenario) {
        this.scenario = scenario;
        this.context = context;
        this.bff = bff;
        this.evidence = evidence;
    }

    @When("the external-sync metrics are read")
    public void readSyncMetrics() {
        var prometheus = context.targets().prometheus();
        prometheus.failure().ifPresent(failure -> {
            // a configured Prometheus that cannot be reached is no reason to read something else instead
            throw new Inconclusive(failure);
        });
        readings = SyncReadings.choose(prometheus.get(),
                () -> new MetricsScraper(bff.client(), context.settings().bff.metricsPath()), context.settings());
        // how it was read, for the report; what was read is each source's observation
        scenario.log("read " + readings.describe() + (prometheus.present() ? "" : " (" + prometheus.absentReason() + ")"));
    }

    @Then("every source's last sync is within the allowed lag")
    public void lagWithinSlo() {
        double maxLag = context.settings().sync.maxLag().toSeconds();
        report(readings.lag(), f -> f.asLag(maxLag), "sources are behind");
    }

    @Then("every source's sync error rate is within the allowed ratio")
    public void errorRateWithinSlo() {
        var sync = context.settings().sync;
        String window = readings.errorRateWindow();
        report(readings.errorRate(), f -> f.asErrorRate(sync.maxErrorRate(), window), "sources fail too often");
    }

    private void report(List<SourceFinding> findings, Function<SourceFinding, Observation> observation, String population) {
        readings.evidence().forEach(evidence::add);
        findings.forEach(f -> scenario.observe(observation.apply(f)));
        SyncReadings.conclude(findings, population);
    }

    @Then("the ExternalSyncStale alert is not firing, or resolves within the P1 window")
    public void alertResolves() {
        PrometheusClient client = context.targets().prometheus().require();
        var sync = context.settings().sync;
        client.requireScrapedTarget();
        AlertWatch.Result result = new AlertWatch(client, sync.alertName(), sync.p1Window(), context.settings().timeouts.alertWindow(),
                Clock.systemUTC()).await();
        scenario.observe(result.observed(sync.alertName(), sync.p1Window()));
    }
}
