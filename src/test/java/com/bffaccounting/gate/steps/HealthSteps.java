package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.http.HttpReply;
import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.Observation;
import com.bffaccounting.gate.outcome.Unreachable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.Map;

/** C11.1 and C8.1: the BFF's health and readiness endpoints, called as a probe would (no headers). */
public class HealthSteps {
    private final RunContext context;
    private final BffSession bff;
    private final ScenarioLog scenario;

    public HealthSteps(RunContext context, BffSession bff, ScenarioLog scenario) {
        this.context = context;
        this.bff = bff;
        this.scenario = scenario;
    }

    @When("the health endpoint is called without headers")
    public void callHealth() {
        call(context.settings().bff.healthPath());
    }

    @When("the readiness endpoint is called without headers")
    public void callReady() {
        call(context.settings().bff.readyPath());
    }

    /** No answer at all fails this check by its own words ("it answers"); elsewhere it is INCONCLUSIVE. */
    private void call(String path) {
        try {
            HttpReply reply = bff.client().send("GET", path, Map.of());
            bff.remember(path, reply);
            scenario.observe(Observation.measure("status", reply.status(), null).of(path)
                    .says("GET " + path + " → " + reply.status() + reply.jsonText("status").map(s -> " " + s).orElse("")));
            scenario.observe(Observation.measure("latency", reply.took().toMillis(), "ms").of(path)
                    .says("GET " + path + " answered in " + reply.took().toMillis() + " ms"));
        } catch (Unreachable e) {
            scenario.observe(Observation.note("GET " + path + ": no answer"));
            throw new CheckFailed(e.getMessage());
        }
    }

    @Then("it answers {int}")
    public void answers(int status) {
        HttpReply reply = bff.lastReply();
        if (reply.status() != status) {
            throw new CheckFailed("GET " + bff.lastPath() + " answered " + reply.status() + " instead of " + status
                    + ": " + reply.bodyExcerpt());
        }
    }

    @Then("it answers {int} with status {string}")
    public void answersWithStatus(int status, String expected) {
        answers(status);
        String actual = bff.lastReply().jsonText("status").orElse(null);
        if (!expected.equals(actual)) {
            throw new CheckFailed("GET " + bff.lastPath() + " answered " + status + " but its JSON status is "
                    + (actual == null ? "missing" : "'" + actual + "'") + " instead of '" + expected + "': "
                    + bff.lastReply().bodyExcerpt());
        }
    }
}
