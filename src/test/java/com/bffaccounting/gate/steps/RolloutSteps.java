package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.helm.ReleaseDeployer;
import com.bffaccounting.gate.kube.rollout.PodStates;
import com.bffaccounting.gate.kube.rollout.RolloutEvidence.PodLogTails;
import com.bffaccounting.gate.kube.rollout.RolloutInspector;
import com.bffaccounting.gate.model.ImageReference;
import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.sut.ClusterTarget;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.fabric8.kubernetes.api.model.Pod;

import java.time.Clock;
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
            Settings s = context.settings();
            ClusterTarget cluster = context.releaseCluster();
            rollout = new RolloutInspector(cluster.kube(), s.cluster.ref(), Clock.systemUTC());
        }
        return rollout;
    }

    private ReleaseDeployer deployer() {
        ClusterTarget cluster = context.targets().cluster().require();
        return new ReleaseDeployer(cluster.helm(), rollout(), context.targets().registry().require());
    }

    private ImageReference image() {
        return context.settings().artifacts.reference();
    }

    @Then("every pod of the release becomes Running and Ready with no restarts")
    public void podsReady() {
        Settings s = context.settings();
        RolloutInspector.Outcome outcome = rollout().awaitPodsReady(s.timeouts.rollout(), s.cluster.failFastAfter(), () -> false);
        if (outcome instanceof RolloutInspector.Missing missing) {
            throw new CheckFailed(missing.what());
        }
        if (outcome instanceof RolloutInspector.Stuck stuck) {
            throw new CheckFailed(deployer().diagnose(stuck, image(), stuck.detectedAfter()));
        }
        if (outcome instanceof RolloutInspector.TimedOut timedOut) {
            throw new CheckFailed("pods of " + context.release().deploymentName() + " not ready after "
                    + timedOut.waited().toSeconds() + " s: " + timedOut.state() + "\n" + PodStates.describe(timedOut.pods()));
        }
        RolloutInspector.Ready ready = (RolloutInspector.Ready) outcome;
        List<Pod> restarted = ready.pods().stream().filter(p -> PodStates.restarts(p) > 0).toList();
        if (!restarted.isEmpty()) {
            throw new CheckFailed("pods restarted: " + PodStates.describe(restarted).trim());
        }
        scenario.log(ready.pods().size() + " pods Running and Ready, no restarts (waited " + ready.waited().toMillis() + " ms)");
    }

    @Then("no pod of the release is stuck pulling its image")
    public void noImagePullFailure() {
        Settings s = context.settings();
        Optional<RolloutInspector.Stuck> stuck = rollout().stuckNow(s.cluster.failFastAfter(), s.timeouts.stuckPodWatch());
        stuck.filter(st -> st.waiting().imagePull()).ifPresent(st -> {
            throw new CheckFailed("image pull failed: " + deployer().diagnose(st, image(), st.detectedAfter()));
        });
        scenario.log("no pod of " + context.release().deploymentName() + " is in ErrImagePull or ImagePullBackOff");
    }

    @Then("the Deployment has all its replicas updated and available")
    public void deploymentComplete() {
        Settings s = context.settings();
        RolloutInspector.Outcome outcome = rollout().awaitPodsReady(s.timeouts.rollout(), s.cluster.failFastAfter(), () -> false);
        var deployment = rollout().deployment().orElseThrow(() -> new AssertionError(context.release().deploymentName()
                + " does not exist in namespace " + context.release().namespace()));
        Optional<String> problem = RolloutInspector.rolloutComplete(deployment);
        if (problem.isPresent()) {
            throw new CheckFailed(context.release().deploymentName() + " rollout incomplete: " + problem.get()
                    + (outcome instanceof RolloutInspector.Stuck stuck ? " (pod " + stuck.waiting().pod() + " " + stuck.waiting().reason() + ")" : ""));
        }
        scenario.log(context.release().deploymentName() + ": " + deployment.getStatus().getUpdatedReplicas() + " updated, "
                + deployment.getStatus().getAvailableReplicas() + " available");
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
            scenario.log(pod + ": " + lines.size() + " lines attached" + (lines.isEmpty() ? " (log empty)" : ""));
        });
    }
}
