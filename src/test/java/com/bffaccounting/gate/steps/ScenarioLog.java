package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.outcome.Observation;
import com.bffaccounting.gate.run.ObservationLedger;
import io.cucumber.java.Scenario;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The running scenario's log and attachments, for step classes: Cucumber injects {@link Scenario} into
 * hooks only, so one hook ({@link RunHooks}) hands it to this per-scenario object.
 */
public final class ScenarioLog {
    private Scenario scenario;

    void set(Scenario scenario) {
        this.scenario = scenario;
    }

    /** A line in the report under the current step: what was checked and what was seen. */
    public void log(String text) {
        scenario.log(text);
    }

    /**
     * What the check saw, whatever it then decides: under its checklist line in verdict.json, verdict.html,
     * the console and the job summary, and as a line under the current step in Allure. Observe before you
     * judge, so that a failing line shows what it saw too.
     */
    public void observe(Observation observation) {
        scenario.log(observation.text());
        ObservationLedger.record(scenario.getId(), observation);
    }

    public void observe(List<Observation> observations) {
        observations.forEach(this::observe);
    }

    /** The running scenario's name, as the feature gives it. */
    public String name() {
        return scenario.getName();
    }

    /** The running scenario's tags ({@code @C9.2}, …). */
    public List<String> tags() {
        return List.copyOf(scenario.getSourceTagNames());
    }

    public void attach(String name, String text) {
        scenario.attach(text.getBytes(StandardCharsets.UTF_8), "text/plain", name);
    }
}
