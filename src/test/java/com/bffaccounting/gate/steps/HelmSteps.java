package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.evidence.Evidence;
import com.bffaccounting.gate.helm.ChartVerifier;
import com.bffaccounting.gate.helm.HelmClient;
import com.bffaccounting.gate.helm.HelmValues;
import com.bffaccounting.gate.helm.ReleaseDeployer;
import com.bffaccounting.gate.kube.ClusterTarget;
import com.bffaccounting.gate.kube.PodStates;
import com.bffaccounting.gate.kube.RolloutInspector;
import com.bffaccounting.gate.outcome.NotRun;
import com.bffaccounting.gate.registry.ImageReference;
import com.bffaccounting.gate.registry.RegistryClient;
import com.bffaccounting.gate.run.RunFacts;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** C2.3, C5.x, C13.1: Helm — the chart, the deploy, the live result and the rollback. */
public class HelmSteps {
    private final RunContext context;
    private final BffSession bff;
    private final Evidence evidence;
    private final ScenarioLog scenario;
    private ChartVerifier.Result chartResult;
    private ReleaseDeployer.Deployed deployed;
    private String deployedTag;

    public HelmSteps(RunContext context, BffSession bff, Evidence evidence, ScenarioLog scenario) {
        this.scenario = scenario;
        this.context = context;
        this.bff = bff;
        this.evidence = evidence;
    }

    private Settings settings() {
        return context.settings();
    }

    private HelmValues pilotValues(String tag) {
        return HelmValues.pilot(settings().gating.allowlistJson(), settings().release.imageRepository(), tag);
    }

    @Then("the embedded Helm reports its version")
    public void helmVersion() {
        String version = HelmClient.version();
        if (!version.matches("v?3\\.\\d+.*")) {
            throw new AssertionError("embedded Helm reports version '" + version + "'; the chart and the checklist need Helm 3");
        }
        scenario.log("Helm " + version + " (helm-java, no helm binary needed)");
    }

    @When("the chart is verified with the values the deploy will use")
    public void verifyChart() {
        chartResult = verifyChartFor(settings().release.imageTag());
        chartResult.rendered().ifPresent(r -> evidence.add("rendered manifests (helm template)", () -> r.manifests().stream()
                .map(m -> "# " + m.source() + "\n" + m.body().toPrettyString()).collect(Collectors.joining("\n---\n"))));
        evidence.add("helm lint --strict", () -> String.join("\n", chartResult.lintMessages()));
    }

    private ChartVerifier.Result verifyChartFor(String tag) {
        Settings s = settings();
        RunFacts.put("chart.path", context.targets().chart().toString());
        return ChartVerifier.verify(context.targets().chart(), new ChartVerifier.Expectation(s.cluster.release(),
                s.cluster.namespace(), s.cluster.deployment(), pilotValues(tag), s.release.imageRepository() + ":" + tag,
                s.gating.allowlistJson(), s.bff.readyPath(), s.bff.healthPath()));
    }

    @Then("it lints, renders, and hands the allowlist, the image, the probes and the scrape target to Kubernetes as requested")
    public void chartIsRight() {
        if (!chartResult.ok()) {
            throw new AssertionError("chart " + context.targets().chart() + " is not fit to deploy: "
                    + String.join("; ", chartResult.problems()));
        }
        scenario.log("chart " + context.targets().chart() + " passes lint --strict and renders as requested");
    }

    @Given("this run may deploy")
    public void mayDeploy() {
        if (!settings().cluster.deploy()) {
            throw new NotRun("verify-only run: Step 3 deploys only when asked (-Ddeploy=true)");
        }
        context.targets().cluster().require();
    }

    @When("the release is upgraded or installed with the pilot values")
    public void deploy() {
        deployedTag = settings().release.imageTag();
        deployed = upgradeTo(deployedTag);
    }

    @Then("Helm reports it deployed, with its revision and how long it took")
    public void deployedReport() {
        if (!"deployed".equals(deployed.release().getStatus())) {
            throw new AssertionError("helm reports status " + deployed.release().getStatus() + " for revision " + deployed.release().getRevision());
        }
        RunFacts.put("helm.revision", deployed.release().getRevision());
        scenario.log("release " + settings().cluster.release() + " revision " + deployed.release().getRevision() + " deployed in "
                + deployed.took().toMillis() + " ms (" + deployedTag + ")");
    }

    /**
     * Refuses to deploy a chart that fails C5.2 or an image the registry does not have, then runs
     * helm upgrade --install with fail-fast on stuck pods.
     */
    private ReleaseDeployer.Deployed upgradeTo(String tag) {
        Settings s = settings();
        ClusterTarget cluster = context.targets().cluster().require();
        ChartVerifier.Result chart = verifyChartFor(tag);
        if (!chart.ok()) {
            throw new AssertionError("refusing to deploy: the chart fails its pre-deploy checks: " + String.join("; ", chart.problems()));
        }
        ImageReference image = ImageReference.parse(s.release.imageRepository(), tag);
        RegistryClient registry = context.targets().registry().require();
        RegistryClient.Resolution resolution = registry.resolve(image);
        if (!resolution.found()) {
            throw new AssertionError("refusing to deploy " + image + ": " + resolution.message());
        }
        RolloutInspector rollout = new RolloutInspector(cluster.kube(), s.cluster.namespace(), s.cluster.deployment(), Clock.systemUTC());
        evidence.add("pods of deployment/" + s.cluster.deployment(), () -> PodStates.describe(rollout.pods()));
        evidence.add("helm status " + s.cluster.release(), () -> {
            var status = cluster.helm().status(s.cluster.release(), s.cluster.namespace());
            return "revision " + status.getRevision() + " " + status.getStatus() + " " + status.getChart() + " "
                    + status.getAppVersion() + " last deployed " + status.getLastDeployed();
        });
        evidence.add("helm history " + s.cluster.release(), () -> cluster.helm().history(s.cluster.release(), s.cluster.namespace())
                .stream().map(h -> h.getRevision() + " " + h.getStatus() + " " + h.getChart() + " " + h.getAppVersion() + " " + h.getDescription())
                .collect(Collectors.joining("\n")));
        return new ReleaseDeployer(cluster.helm(), rollout, registry).deploy(new ReleaseDeployer.Request(
                context.targets().chart(), s.cluster.release(), s.cluster.namespace(), pilotValues(tag), image,
                s.cluster.helmTimeout(), s.cluster.failFastAfter(), s.cluster.deploy()));
    }

    @Then("the live Deployment runs exactly the requested image and allowlist")
    public void liveDeploymentMatches() {
        Settings s = settings();
        ClusterTarget cluster = context.releaseCluster();
        Deployment deployment = cluster.kube().deployment(s.cluster.namespace(), s.cluster.deployment())
                .orElseThrow(() -> new AssertionError("deployment/" + s.cluster.deployment() + " does not exist in namespace " + s.cluster.namespace()));
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        List<String> problems = new ArrayList<>();
        String wantedImage = s.release.image();
        if (!wantedImage.equals(container.getImage())) {
            problems.add("image is " + container.getImage() + " instead of " + wantedImage);
        }
        Optional<String> allowlist = Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                .filter(e -> "OS_TENANT_ALLOWLIST_JSON".equals(e.getName())).map(e -> e.getValue()).findFirst();
        if (allowlist.isEmpty()) {
            problems.add("OS_TENANT_ALLOWLIST_JSON is not set — a missing allowlist is a failed gate, not a default");
        } else if (!allowlist.get().equals(s.gating.allowlistJson())) {
            problems.add("OS_TENANT_ALLOWLIST_JSON is '" + allowlist.get() + "' instead of '" + s.gating.allowlistJson() + "'"
                    + (allowlist.get().replaceAll("\\s", "").equals("[]") ? " — '[]' lets every tenant in, which the pilot forbids" : ""));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("deployment/" + s.cluster.deployment() + " does not run what was requested: " + String.join("; ", problems));
        }
        scenario.log("deployment/" + s.cluster.deployment() + " runs " + container.getImage() + " with allowlist " + allowlist.get());
    }

    @Given("this run may roll back")
    public void mayRollBack() {
        if (!settings().cluster.rollback()) {
            throw new NotRun("the rollback runs only when asked (-Drollback=true)");
        }
        context.targets().cluster().require();
    }

    @When("the release is rolled back to the previous tag")
    public void rollBack() {
        deployedTag = settings().release.rollbackTag();
        deployed = upgradeTo(deployedTag);
        scenario.log("rolled back to " + deployedTag + ": revision " + deployed.release().getRevision() + " in " + deployed.took().toMillis() + " ms");
    }

    @Then("the Deployment runs the previous tag, is ready, and the BFF is healthy")
    public void rolledBack() {
        Settings s = settings();
        ClusterTarget cluster = context.targets().cluster().require();
        Deployment deployment = cluster.kube().deployment(s.cluster.namespace(), s.cluster.deployment()).orElseThrow();
        String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        String wanted = s.release.imageRepository() + ":" + s.release.rollbackTag();
        if (!wanted.equals(image)) {
            throw new AssertionError("after the rollback deployment/" + s.cluster.deployment() + " runs " + image + " instead of " + wanted);
        }
        RolloutInspector.rolloutComplete(deployment).ifPresent(problem -> {
            throw new AssertionError("after the rollback the deployment is not ready: " + problem);
        });
        int health = bff.client().send("GET", s.bff.healthPath(), Map.of()).status();
        if (health != 200) {
            throw new AssertionError("after the rollback GET " + s.bff.healthPath() + " answered " + health);
        }
    }
}
