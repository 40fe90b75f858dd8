package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.gating.GateExpectation;
import com.bffaccounting.gate.gating.PilotGatingProbe;
import com.bffaccounting.gate.gating.TenantKind;
import com.bffaccounting.gate.gating.TenantProbeResult;
import com.bffaccounting.gate.outcome.Observation;
import com.bffaccounting.gate.outcome.NotRun;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.List;

/**
 * C11.2 (and C7.1 through the deployment): the pilot gate. The When step only asks; each Then step
 * judges the answers against its own expectation, so an Example whose outcome is swapped fails.
 */
public class GatingSteps {
    private final RunContext context;
    private final BffSession bff;
    private final ScenarioLog scenario;

    public GatingSteps(RunContext context, BffSession bff, ScenarioLog scenario) {
        this.scenario = scenario;
        this.context = context;
        this.bff = bff;
    }

    @ParameterType("pilot|non-pilot|case-variant")
    public TenantKind tenantKind(String label) {
        return TenantKind.parse(label);
    }

    @Given("the BFF is reached through the deployment")
    public void reachedThroughDeployment() {
        context.targets().cluster().require();
        scenario.observe(Observation.fact("BFF", bff.target().baseUrl().toString()).says("BFF reached via " + bff.target().reachedVia() + " at " + bff.target().baseUrl()));
    }

    @When("every {tenantKind} tenant calls the probe endpoint")
    public void everyTenantCalls(TenantKind kind) {
        List<String> tenants = kind.tenants(context.settings().gating);
        if (tenants.isEmpty()) {
            throw new NotRun("no " + kind.label() + " tenants are configured"
                    + (kind == TenantKind.CASE_VARIANT ? " (every allowlisted tenant is already upper case)" : ""));
        }
        bff.rememberProbe(new PilotGatingProbe(bff.client(), context.settings().gating).probe(tenants));
    }

    @Then("every one of them is let through the pilot gate")
    public void everyOneLetThrough() {
        judge(GateExpectation.LET_THROUGH);
    }

    @Then("every one of them is refused as not enabled for the pilot")
    public void everyOneRefused() {
        judge(GateExpectation.REFUSED);
    }

    private void judge(GateExpectation expectation) {
        var findings = expectation.judgeAll(bff.lastProbe(), context.settings().gating.deniedErrorCode());
        scenario.observe(TenantProbeResult.observed(bff.lastProbe()));
        scenario.observe(Observation.measure("tenants not as expected", findings.findings().size(), null).against(0)
                .says(findings.total() + " tenants, " + expectation.name().toLowerCase().replace('_', ' ') + " expected: "
                        + findings.findings().size() + " not as expected"));
        findings.conclude();
    }
}
