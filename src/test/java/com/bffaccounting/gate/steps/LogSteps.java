package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.evidence.Evidence;
import com.bffaccounting.gate.gating.TenantProbeResult;
import com.bffaccounting.gate.logs.RefusalLogCheck;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.target.LogSource;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

import java.util.List;

/** C11.3: refusals show up in the BFF's log. NOT_RUN where nobody captures the log. */
public class LogSteps {
    private final RunContext context;
    private final BffSession bff;
    private final Evidence evidence;
    private LogSource log;
    private LogSource.Cursor cursor;

    public LogSteps(RunContext context, BffSession bff, Evidence evidence) {
        this.context = context;
        this.bff = bff;
        this.evidence = evidence;
    }

    @Given("the BFF's log can be read")
    public void logCanBeRead() {
        log = bff.target().log().require();
        cursor = log.cursor();
        evidence.add("BFF log since the scenario started (" + log.describe() + ")",
                () -> String.join("\n", cursor.newLines()));
    }

    @Then("the BFF log shows the pilot error code for every refusal")
    public void logShowsRefusals() {
        String code = context.settings().gating.deniedErrorCode();
        List<String> tenants = bff.lastProbe().stream()
                .filter(r -> r.reply().status() == 403 && code.equals(r.reply().jsonText("error_code").orElse(null)))
                .map(TenantProbeResult::tenant).toList();
        if (tenants.isEmpty()) {
            // Whether they should have been refused is C11.2's question; this one can only look for refusals that happened.
            throw new Inconclusive("none of the " + bff.lastProbe().size() + " non-pilot tenants was refused with " + code
                    + ", so there is no refusal to find in the log (see the pilot gating check)");
        }
        new RefusalLogCheck(context.settings().gating.deniedErrorCode(), context.settings().log.waitTimeout())
                .assertLogged(tenants, cursor::newLines, log.describe());
    }
}
