package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.gating.PilotGatingProbe;
import com.bffaccounting.gate.gating.TenantKind;
import com.bffaccounting.gate.gating.TenantProbeResult;
import com.bffaccounting.gate.outcome.NotRun;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.List;
import java.util.stream.Collectors;

/** C11.2 (and C7.1 through a port-forward): the pilot gate, probed for each configured tenant. */
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
        scenario.log("BFF reached via " + bff.target().reachedVia() + " at " + bff.target().baseUrl());
    }

    @When("every {tenantKind} tenant calls the probe endpoint")
    public void everyTenantCalls(TenantKind kind) {
        List<String> tenants = kind.tenants(context.settings().gating);
        if (tenants.isEmpty()) {
            throw new NotRun("no " + kind.label() + " tenants are configured"
                    + (kind == TenantKind.CASE_VARIANT ? " (every allowlisted tenant is already upper case)" : ""));
        }
        PilotGatingProbe probe = new PilotGatingProbe(bff.client(), context.settings().gating);
        bff.rememberProbe(probe.probe(tenants, kind.mustBeLetThrough()));
    }

    @Then("every one of them is let through the pilot gate")
    public void everyOneLetThrough() {
        assertNoProblems("allowlisted tenants were not let through the pilot gate");
    }

    @Then("every one of them is refused as not enabled for the pilot")
    public void everyOneRefused() {
        assertNoProblems("tenants that are not on the allowlist were not refused with "
                + context.settings().gating.deniedErrorCode());
    }

    private void assertNoProblems(String summary) {
        List<TenantProbeResult> bad = bff.lastProbe().stream().filter(r -> !r.ok()).toList();
        if (!bad.isEmpty()) {
            String details = bad.stream().limit(20)
                    .map(r -> "'" + r.tenant() + "': " + r.problem().orElseThrow())
                    .collect(Collectors.joining("; "));
            throw new AssertionError(bad.size() + " of " + bff.lastProbe().size() + " " + summary + " — " + details
                    + (bad.size() > 20 ? " … and " + (bad.size() - 20) + " more" : ""));
        }
    }
}
