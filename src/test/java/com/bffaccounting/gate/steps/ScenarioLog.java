package com.bffaccounting.gate.steps;

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

    /** The running scenario's tags ({@code @C9.2}, …). */
    public List<String> tags() {
        return List.copyOf(scenario.getSourceTagNames());
    }

    public void attach(String name, String text) {
        scenario.attach(text.getBytes(StandardCharsets.UTF_8), "text/plain", name);
    }
}
