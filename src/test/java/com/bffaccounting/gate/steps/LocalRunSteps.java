package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.outcome.NotRun;
import com.bffaccounting.gate.target.BffTarget;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

import java.util.Map;

/**
 * C1.1, C8.1, C9.3: what a run without Kubernetes can and cannot do. These steps state which target
 * was used; the checks themselves are the shared health, gating and metrics steps.
 */
public class LocalRunSteps {
    private final RunContext context;
    private final BffSession bff;
    private final ScenarioLog scenario;

    public LocalRunSteps(RunContext context, BffSession bff, ScenarioLog scenario) {
        this.scenario = scenario;
        this.context = context;
        this.bff = bff;
    }

    @Given("this run has no Kubernetes cluster")
    public void noCluster() {
        if (context.targets().cluster().present()) {
            throw new NotRun("this run has a Kubernetes cluster" + (context.targets().cluster().require().standIn() ? " (simulated)" : "")
                    + "; this check is about runs without one (env=local)");
        }
        scenario.log("No cluster in this run: " + context.targets().cluster().absentReason());
    }

    @Given("a BFF running on this machine")
    public void localBff() {
        BffTarget target = bff.target();
        if (!target.onThisMachine()) {
            throw new NotRun("the BFF under test runs in the cluster (" + target.reachedVia() + "); this check is about a BFF on this machine");
        }
        scenario.log("BFF under test: " + target.baseUrl() + " — " + target.reachedVia());
    }

    @Then("the BFF answers over HTTP without going through a cluster")
    public void answersDirectly() {
        int status = bff.client().send("GET", context.settings().bff.healthPath(), Map.of()).status();
        scenario.log("GET " + context.settings().bff.healthPath() + " answered " + status + " directly");
    }

    @Then("the checks that need a cluster say why they do not run")
    public void clusterChecksExplain() {
        String reason = context.targets().cluster().absentReason();
        if (reason == null || reason.isBlank()) {
            throw new AssertionError("the cluster is absent but no reason is given for the checks that need it");
        }
    }
}
