package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.helm.ReleaseDeployer;
import com.bffaccounting.gate.kube.rollout.PodStates;
import com.bffaccounting.gate.kube.rollout.RolloutEvidence.PodLogTails;
import com.bffaccounting.gate.kube.rollout.RolloutInspector;
import com.bffaccounting.gate.kube.rollout.RolloutOutcome;
import com.bffaccounting.gate.kube.rollout.RolloutProblem;
import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.Observation;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** C6.x and C10.2: pods, the Deployment and logs (kubectl get pods / get deployment / logs --tail=50). */
public class RolloutSteps {
    private final RunContext context;
    private final ScenarioLog scenario;
    private RolloutInspector rollout;
    private Map<String, List<String>> logTails;

    public RolloutSteps(RunContext context, ScenarioLog scenario) {
        this.scenario = scenario;
        this.context = context;
    }

    private RolloutInspector rollout() {
        if (rollout == null) {
            rollout = context.rollout(context.releaseCluster());
        }
        return rollout;
    }

    /** The rollout's outcome, waited for once per run: C6.1, C10.2 and C6.2 judge the same observation. */
    private RolloutOutcome settled() {
        return rollout().settle(context.settings().timeouts.rollout());
    }

    private String diagnose(RolloutProblem problem) {
        return ReleaseDeployer.diagnose(problem, context.settings().artifacts.reference(), context.targets().registry().require(),
                Optional.empty());
    }

    @Then("every pod of the release becomes Running and Ready with no restarts")
    public void podsReady() {
        RolloutOutcome outcome = settled();
        scenario.observe(PodStates.observed(outcome.seenPods()));
        RolloutOutcome.Ready ready = outcome.requireReady(context.release().deploymentName(), this::diagnose);
        scenario.observe(Observation.measure("ready after", ready.waited().toMillis() / 1000.0, "s")
                .says("ready after " + ready.waited().toMillis() + " ms of waiting"));
    }

    @Then("no pod of the release is stuck pulling its image")
    public void noImagePullFailure() {
        RolloutOutcome outcome = settled();
        long pulling = outcome.seenPods().stream().filter(PodStates::cannotPullImage).count();
        scenario.observe(Observation.measure("pods failing to pull", pulling, null).against(0)
                .says(pulling + " of " + outcome.seenPods().size() + " pods in ErrImagePull, ImagePullBackOff or InvalidImageName"));
        outcome.requireNoImagePullFailure(this::diagnose)
                .ifPresent(other -> scenario.observe(Observation.note("the rollout fails otherwise: " + other.reason())));
    }

    @Then("the Deployment has all its replicas updated and available")
    public void deploymentComplete() {
        RolloutOutcome outcome = settled();
        outcome.seenDeployment().ifPresent(deployment -> scenario.observe(PodStates.replicas(deployment)));
        outcome.requireComplete(context.release().deploymentName(), this::diagnose);
    }

    @When("the last log lines of each pod are collected")
    public void collectLogs() {
        Settings s = context.settings();
        logTails = PodLogTails.collect(context.releaseCluster().kube(), context.release().namespace(), rollout().pods(), s.cluster.logTailLines());
    }

    @Then("they are attached to the report")
    public void logsAttached() {
        Settings s = context.settings();
        if (logTails.isEmpty()) {
            throw new CheckFailed(context.release().deploymentName() + " has no pods whose logs could be collected");
        }
        logTails.forEach((pod, lines) -> {
            scenario.attach("kubectl logs " + pod + " --tail=" + s.cluster.logTailLines(),
                    context.run().redactor().redact(PodLogTails.text(lines)));
            scenario.observe(Observation.measure("log lines", lines.size(), "lines").of(pod).against(s.cluster.logTailLines())
                    .says(pod + ": " + lines.size() + " lines attached" + (lines.isEmpty() ? " (log empty)" : "")));
        });
    }
}
