package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.evidence.Evidence;
import com.bffaccounting.gate.logs.LogSource;
import com.bffaccounting.gate.logs.RefusalLogCheck;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

import java.util.List;

/** C11.3: refusals show up in the BFF's log. NOT_RUN where nobody captures the log. */
public class LogSteps {
    private final RunContext context;
    private final BffSession bff;
    private final Evidence evidence;
    private final ScenarioLog scenario;
    private LogSource log;
    private LogSource.Cursor cursor;

    public LogSteps(RunContext context, BffSession bff, Evidence evidence, ScenarioLog scenario) {
        this.scenario = scenario;
        this.context = context;
        this.bff = bff;
        this.evidence = evidence;
    }

    @Given("the BFF's log can be read")
    public void logCanBeRead() {
        log = bff.target().log().require();
        cursor = log.cursor();
        evidence.add("BFF log since the scenario started (" + log.describe() + ")",
                () -> {
                    List<String> lines = cursor.newLines();
                    return lines.isEmpty() ? "(log empty: the BFF wrote nothing since the scenario started)" : String.join("\n", lines);
                });
    }

    @Then("the BFF log shows the pilot error code for every refusal")
    public void logShowsRefusals() {
        scenario.observe(new RefusalLogCheck(context.settings().gating.deniedErrorCode(), context.settings().timeouts.logArrival())
                .assertRefusalsLogged(bff.lastProbe(), cursor::newLines, log.describe()));
    }
}
