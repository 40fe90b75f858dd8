package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.NotRun;
import com.bffaccounting.gate.outcome.Observation;
import com.bffaccounting.gate.outcome.Unreachable;
import com.bffaccounting.gate.sut.BffTarget;
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
        if (context.targets().clusterProbe().configured()) {
            throw new NotRun("this run is configured for a Kubernetes cluster (context '" + context.targets().clusterProbe().context()
                    + "'); this check is about runs without one (env=local)");
        }
        scenario.observe(Observation.note("no cluster in this run: " + context.targets().cluster().absentReason()));
    }

    @Given("a BFF running on this machine")
    public void localBff() {
        if (context.targets().clusterProbe().configured()) {
            // decided without reaching the BFF: whether the cluster can be used or not, a BFF behind it is not on this machine
            throw new NotRun("the BFF under test runs in the cluster (deployment/" + context.release().deployment() + " in context '"
                    + context.targets().clusterProbe().context() + "'); this check is about a BFF on this machine");
        }
        context.targets().bff().failure().ifPresent(failure -> {
            throw new CheckFailed("the BFF did not start: " + failure);
        });
        BffTarget target = bff.target();
        if (!target.onThisMachine()) {
            throw new NotRun("the BFF under test runs in the cluster (" + target.reachedVia() + "); this check is about a BFF on this machine");
        }
        scenario.observe(Observation.fact("BFF", target.baseUrl().toString()).says("BFF under test: " + target.baseUrl() + " — " + target.reachedVia()));
    }

    /** Any HTTP answer proves the BFF is reachable without a cluster; its health is C11.1's question. */
    @Then("the BFF answers over HTTP without going through a cluster")
    public void answersDirectly() {
        BffTarget target = bff.target();
        if (!target.onThisMachine()) {
            throw new CheckFailed("the BFF is reached through " + target.reachedVia() + ", not directly");
        }
        String path = context.settings().bff.healthPath();
        try {
            int status = bff.client().send("GET", path, Map.of()).status();
            scenario.observe(Observation.note("GET " + target.baseUrl() + path + " answered " + status + " directly (" + target.reachedVia() + ")"));
        } catch (Unreachable e) {
            throw new CheckFailed("a run without a cluster cannot reach the BFF: " + e.getMessage());
        }
    }

    /**
     * Every check that needs the cluster must be NOT_RUN with a reason, not passed: this run has no cluster, and
     * the reason each cluster check gives is said (that an absent capability stops a check as NOT_RUN is
     * sut.CapabilityTest's).
     */
    @Then("the checks that need a cluster say why they do not run")
    public void clusterChecksExplain() {
        var targets = context.targets();
        if (targets.cluster().present() || targets.clusterProbe().configured()) {
            throw new CheckFailed("this run has no cluster, yet its cluster checks would run against "
                    + (targets.cluster().present() ? targets.cluster().require().describe() : targets.clusterProbe().apiServerUrl()));
        }
        String reason = targets.cluster().absentReason();
        if (reason == null || reason.isBlank()) {
            throw new CheckFailed("the cluster is absent but no reason is given for the checks that need it");
        }
        scenario.observe(Observation.note("cluster checks are not run: " + reason));
    }
}
