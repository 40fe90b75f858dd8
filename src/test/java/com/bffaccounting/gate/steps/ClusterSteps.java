package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.kube.ClusterInfo;
import com.bffaccounting.gate.kube.ClusterProbe;
import com.bffaccounting.gate.kube.ReleaseNamespace;
import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.NotRun;
import com.bffaccounting.gate.outcome.Observation;
import com.bffaccounting.gate.sut.ClusterTarget;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** C2.1, C2.2, C3.x, C10.1, C10.3: the cluster, the context and the namespace (kubectl cluster-info, config, get ns). */
public class ClusterSteps {
    private final RunContext context;
    private final ScenarioLog scenario;
    private ClusterInfo version;

    public ClusterSteps(RunContext context, ScenarioLog scenario) {
        this.scenario = scenario;
        this.context = context;
    }

    private ClusterProbe probe() {
        ClusterProbe probe = context.targets().clusterProbe();
        if (!probe.configured()) {
            throw new NotRun(probe.notConfiguredReason());
        }
        return probe;
    }

    @Given("the kubeconfig of this run")
    public void kubeconfig() {
        ClusterProbe probe = probe();
        // where it came from is said with the context it selects (C2.2's observation)
        scenario.log("kubeconfig: " + probe.kubeconfigSource());
    }

    @Then("it selects a context, which is reported")
    public void selectsContext() {
        ClusterProbe probe = probe();
        scenario.observe(Observation.fact("context", probe.requireContext())
                .says("context " + probe.context() + " → " + probe.apiServerUrl() + " (kubeconfig " + probe.kubeconfigSource() + ")"));
    }

    @When("the API server is asked for its version")
    public void askVersion() {
        version = ClusterInfo.ask(probe(), context.targets().cluster().get().map(ClusterTarget::kube));
    }

    @Then("it answers, and its URL and version are reported")
    public void answersVersion() {
        String answered = version.require();
        scenario.observe(Observation.fact("API server", probe().apiServerUrl()).says("API server " + probe().apiServerUrl() + " answers"));
        scenario.observe(Observation.fact("version", answered).says("Kubernetes " + answered));
    }

    @Then("the current credentials may read the release namespace")
    public void credentialsMayRead() {
        ClusterProbe probe = probe();
        probe.requireReadAccess();
        scenario.observe(Observation.note("context " + probe.context() + " may list pods in namespace " + context.release().namespace()));
    }

    @Then("the current context is reported, and matches the expected context when one is configured")
    public void contextMatches() {
        ClusterProbe probe = probe();
        Observation current = Observation.fact("context", probe.context());
        context.settings().cluster.expectedContext().ifPresentOrElse(expected -> {
            scenario.observe(current.against(expected).says("context " + probe.context() + ", expected " + expected + " (cluster.expectedContext)"));
            if (!expected.equals(probe.context())) {
                throw new CheckFailed("current context is '" + probe.context() + "' but cluster.expectedContext is '" + expected + "'");
            }
        }, () -> scenario.observe(current.says("context " + probe.context() + " (no cluster.expectedContext configured to compare with)")));
    }

    @Then("the release namespace exists")
    public void namespaceExists() {
        ReleaseNamespace namespace = ReleaseNamespace.look(context.targets().cluster().require().kube(), context.release().namespace(),
                context.settings().cluster.deploy());
        scenario.observe(namespace.observed());
        namespace.require();
    }
}
