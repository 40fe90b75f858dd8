package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.config.Env;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.evidence.Evidence;
import com.bffaccounting.gate.helm.ChartReferences;
import com.bffaccounting.gate.helm.ChartVerifier;
import com.bffaccounting.gate.helm.GuardedDeploy;
import com.bffaccounting.gate.helm.HelmClient;
import com.bffaccounting.gate.helm.HelmValues;
import com.bffaccounting.gate.helm.ProbePaths;
import com.bffaccounting.gate.helm.ReleaseDeployer;
import com.bffaccounting.gate.io.Trees;
import com.bffaccounting.gate.kube.KubeErrors;
import com.bffaccounting.gate.kube.rollout.LiveDeployment;
import com.bffaccounting.gate.model.ReleaseRef;
import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.outcome.NotRun;
import com.bffaccounting.gate.outcome.Observation;
import com.bffaccounting.gate.sut.ClusterTarget;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** The checklist's Step 3 values for {@code tag}: pinned by digest when it is the pinned tag under test. */
    private HelmValues pilotValues(String tag) {
        return HelmValues.pilot(settings().gating.allowlistJson(), settings().artifacts.referenceOf(tag)).setAll(settings().cluster.helmSet());
    }

    @Then("the embedded Helm reports its version")
    public void helmVersion() {
        String version = HelmClient.version();
        if (!version.matches("v?3\\.\\d+.*")) {
            throw new CheckFailed("embedded Helm reports version '" + version + "'; the chart and the checklist need Helm 3");
        }
        scenario.observe(Observation.fact("helm version", version).says("Helm " + version + " (helm-java, no helm binary needed)"));
    }

    @When("the chart is verified with the values the deploy will use")
    public void verifyChart() {
        chartResult = verifyChartFor(settings().artifacts.imageTag());
        context.run().facts().valuesDigest(pilotValues(settings().artifacts.imageTag()).digest(), false);
        chartResult.rendered().ifPresent(r -> evidence.add("rendered manifests (helm template)", () -> r.manifests().stream()
                .map(m -> "# " + m.source() + "\n" + m.body().toPrettyString()).collect(Collectors.joining("\n---\n"))));
        evidence.add("helm lint --strict", () -> String.join("\n", chartResult.lintMessages()));
    }

    private ChartVerifier.Result verifyChartFor(String tag) {
        Settings s = settings();
        ReleaseRef release = context.release();
        context.run().facts().chartPath(context.targets().chart().toString());
        // objects the chart's pods read may already be in the namespace: a read, so verify-only runs ask too
        ChartReferences.Namespace namespace = context.targets().cluster().get()
                .<ChartReferences.Namespace>map(c -> (kind, name) -> {
                    try {
                        return ChartReferences.Lookup.of(c.kube().exists(release.namespace(), kind, name));
                    } catch (KubeErrors.Forbidden e) {
                        // an account that may not read Secrets (Kubernetes' own view role) cannot tell: undecided, never a FAIL
                        return ChartReferences.Lookup.unknown("these credentials may not read it (" + e.canI() + ")"
                                + ", so the suite cannot tell whether it exists");
                    }
                })
                .orElse(ChartReferences.Namespace.UNKNOWN);
        return ChartVerifier.verify(context.targets().chart(), new ChartVerifier.Expectation(release, pilotValues(tag),
                s.artifacts.referenceOf(tag).toString(), s.gating.allowlistJson(), s.sync.alertName()), namespace);
    }

    @Then("it lints, renders, and hands the allowlist, the image, the probes and the scrape target to Kubernetes as requested")
    public void chartIsRight() {
        scenario.observe(chartObservations());
        List<String> problems = new ArrayList<>(chartResult.problems());
        List<String> undecided = new ArrayList<>(chartResult.undecided());
        // the simulated BFF serves the configured health and ready paths; another one it cannot judge
        Optional<Set<String>> simulated = settings().env == Env.SIM
                ? Optional.of(Set.of(settings().bff.healthPath(), settings().bff.readyPath())) : Optional.empty();
        new ProbePaths(chartResult.probePaths()).tryOn(context.targets().bff().get().map(b -> bff.client()), simulated, problems, undecided,
                scenario::log);
        if (!problems.isEmpty()) {
            throw new CheckFailed("chart " + context.targets().chart() + " is not fit to deploy: " + String.join("; ", problems));
        }
        if (!undecided.isEmpty()) {
            throw new Inconclusive("chart " + context.targets().chart() + ": " + String.join("; ", undecided));
        }
        scenario.observe(Observation.note("chart " + Trees.shown(context.targets().chart()) + " passes lint --strict and renders as requested"));
    }

    /** What C5.2 verified: lint, the manifests rendered, and the values handed to Kubernetes. */
    private List<Observation> chartObservations() {
        List<Observation> seen = new ArrayList<>();
        seen.add(Observation.measure("lint messages", chartResult.lintMessages().size(), null)
                .says("helm lint --strict: " + chartResult.lintMessages().size() + " message(s)"));
        chartResult.rendered().ifPresent(r -> seen.add(Observation.measure("manifests rendered", r.manifests().size(), null)
                .says("helm template: " + r.manifests().size() + " manifests with the deploy's values")));
        seen.add(Observation.fact("image", settings().artifacts.referenceOf(settings().artifacts.imageTag()).toString())
                .says("renders image " + settings().artifacts.referenceOf(settings().artifacts.imageTag())));
        seen.add(Observation.fact("allowlist", settings().gating.allowlistJson()).says("renders allowlist " + settings().gating.allowlistJson()));
        chartResult.probePaths().forEach((probe, path) -> seen.add(Observation.fact(probe, path).says(probe + " GET " + path)));
        return seen;
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
        deployedTag = settings().artifacts.imageTag();
        // C10.3: the namespace is created here, by the deploy, when it is missing: only when missing, because a
        // namespace-scoped deploy account may not create namespaces at all
        boolean createsNamespace = !context.targets().cluster().require().kube().namespaceExists(context.release().namespace());
        deployed = upgradeTo(deployedTag, createsNamespace);
        context.run().facts().valuesDigest(pilotValues(deployedTag).digest(), true);
    }

    @Then("Helm reports it deployed, with its revision and how long it took")
    public void deployedReport() {
        scenario.observe(deployedObservations(" deployed"));
        if (!"deployed".equals(deployed.release().getStatus())) {
            throw new CheckFailed("helm reports status " + deployed.release().getStatus() + " for revision " + deployed.release().getRevision());
        }
        context.run().facts().helmRevision(deployed.release().getRevision());
    }

    /** C5.1 and C13.1: the revision Helm made, the tag it runs, and how long Helm took against its timeout. */
    private List<Observation> deployedObservations(String how) {
        String revision = deployed.release().getRevision();
        return List.of(
                // a fact, not a measurement: revision 7 after 6 is no drift
                Observation.fact("revision", revision).says("release " + context.release().helmRelease() + " revision " + revision
                        + how + " " + deployedTag),
                Observation.fact("tag", deployedTag),
                Observation.measure("helm duration", deployed.took().toMillis() / 1000.0, "s").against(settings().cluster.helmTimeout().toSeconds())
                        .says("Helm took " + deployed.took().toMillis() + " ms (helm.timeout " + settings().cluster.helmTimeout().toSeconds() + " s)"));
    }

    private ReleaseDeployer.Deployed upgradeTo(String tag, boolean createNamespace) {
        Settings s = settings();
        ReleaseRef release = context.release();
        ClusterTarget cluster = context.targets().cluster().require();
        GuardedDeploy deploy = new GuardedDeploy(cluster.helm(), context.rollout(cluster), context.targets().registry().require(),
                namespace -> {
                    cluster.kube().createNamespace(namespace);
                    // said as it happens: a deploy that fails after it still changed the cluster this much
                    scenario.observe(Observation.fact("namespace", namespace).says("namespace " + namespace + " created for the release"));
                });
        return deploy.deploy(verifyChartFor(tag), new ReleaseDeployer.Request(context.targets().chart(), release, pilotValues(tag),
                s.artifacts.referenceOf(tag), s.cluster.helmTimeout(), s.cluster.failFastAfter(), createNamespace));
    }

    @Then("the live Deployment runs exactly the requested image and allowlist")
    public void liveDeploymentMatches() {
        Settings s = settings();
        LiveDeployment live = LiveDeployment.read(context.releaseCluster().kube(), context.release());
        scenario.observe(Observation.fact("image", live.image()).says(context.release().deploymentName() + " runs " + live.image()));
        scenario.observe(Observation.fact("allowlist", live.allowlist().orElse("(not set)"))
                .says("with allowlist " + live.allowlist().orElse("(not set)")));
        live.requireRuns(s.artifacts.image(), s.gating.allowlistJson());
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
        deployedTag = settings().artifacts.rollbackTag();
        deployed = upgradeTo(deployedTag, false); // a rollback's release, and so its namespace, exists
        scenario.observe(deployedObservations(" rolled back to"));
    }

    @Then("the Deployment runs the previous tag, is ready, and the BFF is healthy")
    public void rolledBack() {
        Settings s = settings();
        LiveDeployment.read(context.targets().cluster().require().kube(), context.release())
                .requireRolledOutTo(s.artifacts.rollbackReference().toString());
        int health = bff.client().send("GET", s.bff.healthPath(), Map.of()).status();
        if (health != 200) {
            throw new CheckFailed("after the rollback GET " + s.bff.healthPath() + " answered " + health);
        }
        scenario.observe(Observation.measure("health status", health, null).of(s.bff.healthPath()).against(200)
                .says(context.release().deploymentName() + " runs " + s.artifacts.rollbackTag() + ", ready; GET " + s.bff.healthPath() + " answered 200"));
    }
}
