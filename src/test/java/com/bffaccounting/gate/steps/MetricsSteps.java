package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.evidence.Evidence;
import com.bffaccounting.gate.metrics.MetricsScraper;
import com.bffaccounting.gate.metrics.RequestCounterCheck;
import com.bffaccounting.gate.outcome.CheckFailed;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

import java.util.List;

/** C11.4: /metrics scraped as Prometheus does, and the request counter counts what this scenario sent. */
public class MetricsSteps {
    private final RunContext context;
    private final BffSession bff;
    private final Evidence evidence;
    private final ScenarioLog scenario;
    private MetricsScraper.Scrape before;

    public MetricsSteps(RunContext context, BffSession bff, Evidence evidence, ScenarioLog scenario) {
        this.context = context;
        this.bff = bff;
        this.evidence = evidence;
        this.scenario = scenario;
    }

    private MetricsScraper scraper() {
        return new MetricsScraper(bff.client(), context.settings().bff.metricsPath());
    }

    @Given("the metrics endpoint is scraped without tenant headers")
    public void scrapeBefore() {
        before = scraper().scrape();
        evidence.add("metrics scrape before the requests", () -> before.text());
    }

    @Then("a new scrape without tenant headers shows the request counter grown by every request made")
    public void counterGrew() {
        MetricsScraper.Scrape after = scraper().scrape();
        evidence.add("metrics scrape after the requests", after::text);
        var metrics = context.settings().metrics;
        RequestCounterCheck check = new RequestCounterCheck(metrics.requestsCounter(), metrics.tenantLabel());
        scenario.observe(check.observed(before.snapshot(), after.snapshot(), bff.requestsByTenant()));
        List<String> problems = check.problems(before.snapshot(), after.snapshot(), bff.requestsByTenant());
        if (!problems.isEmpty()) {
            throw new CheckFailed(String.join("; ", problems));
        }
    }
}
