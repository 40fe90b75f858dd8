package com.bffaccounting.gate.sim;

import com.bffaccounting.gate.config.ArtifactSettings;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.helm.HelmClient;
import com.bffaccounting.gate.helm.HelmValues;
import com.bffaccounting.gate.kube.Kubeconfigs;
import com.bffaccounting.gate.model.ImageReference;
import com.bffaccounting.gate.model.ReleaseRef;
import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.sim.cluster.SimCluster;
import com.bffaccounting.gate.waits.Timeout;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.UpgradeCommand;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The deploy someone made before this run, into the simulated cluster: what a verify-only run verifies. A
 * fault that breaks a rollout leaves it half done, the release before still serving; a deploy run then makes
 * the rollout that breaks, from the release before.
 */
final class SimRelease {
    /** The simulator's own setup: a deploy into the simulated cluster, pods started by its kubelet. */
    private static final Timeout SETUP = new Timeout("simulated pilot setup", Duration.ofSeconds(30), "fixed")
            .polledEvery(Duration.ofMillis(100));

    /** This project's chart, which the simulated release falls back to. */
    private static final Path BUNDLED_CHART = Settings.projectDir().resolve("charts/bff-accounting");

    private final SimCluster cluster;
    private final SimRegistry registry;
    private final FaultEffects faults;

    SimRelease(SimCluster cluster, SimRegistry registry, FaultEffects faults) {
        this.cluster = cluster;
        this.registry = registry;
        this.faults = faults;
    }

    /**
     * A chart under test that cannot be deployed at all (its values.yaml does not parse, say) is C5.2's
     * failure to report, not a reason to have no simulated pilot: the release is then seeded from this
     * project's own chart, and the run says so.
     */
    void seedFrom(Settings settings, Path chart) {
        try {
            seed(settings, chart);
        } catch (RuntimeException e) {
            if (chart.toAbsolutePath().normalize().equals(BUNDLED_CHART.toAbsolutePath().normalize())) {
                throw e;
            }
            System.err.println("[release-gate] sim: the chart " + chart + " cannot be deployed into the simulated cluster ("
                    + Causes.describe(e) + "); the simulated release comes from "
                    + BUNDLED_CHART + " instead, and C5.2 judges " + chart);
            seed(settings, BUNDLED_CHART);
        }
    }

    /** The deploy that happened before this run. Faults that break a rollout leave it half done, old pods serving. */
    private void seed(Settings settings, Path chart) {
        ArtifactSettings artifacts = settings.artifacts;
        ReleaseRef release = settings.cluster.ref();
        // the deploy someone made before this run: the simulator's own Helm, which may write
        HelmClient helm = new HelmClient(cluster.kubeconfig(), new HelmClient.Options(true, false));
        String allowlist = faults.deployedWithEmptyAllowlist ? "[]" : settings.gating.allowlistJson();
        if (faults.rolloutHalfDone) {
            // the release before: as it was deployed then, without this run's extra values (a PodSecurity-breaking one among them)
            helm.upgradeInstall(chart, release.helmRelease(), release.namespace(),
                    HelmValues.pilot(allowlist, artifacts.imageRepository(), artifacts.rollbackTag()), SETUP.value());
        }
        if (faults.admission != null) {
            cluster.admission(faults.admission);
        }
        if (faults.rolloutHalfDone && settings.cluster.deploy()) {
            return; // this run's deploy makes the rollout that breaks, from the release before
        }
        // deployed as the release names it: by the digest the tag resolves to when the release pins one, so that a
        // pin the registry does not hold is told by C4.1 (and C5.3 sees the digest that really runs)
        ImageReference seeded = artifacts.reference();
        if (faults.webhookDenies) {
            // the previous tag runs, so that deploying this one changes the Deployment, which the webhook refuses
            seeded = artifacts.rollbackReference();
        }
        if (seeded.pinnedDigest().isPresent()) {
            seeded = seeded.pinnedTo(registry.digestOf(seeded.repository(), seeded.tag()));
        }
        installWithoutWaiting(chart, release.helmRelease(), release.namespace(), HelmValues.pilot(allowlist, seeded).setAll(settings.cluster.helmSet()));
        if (faults.setupWaitsForRollout) {
            cluster.awaitRolloutComplete(release.namespace(), release.deployment(), SETUP);
        }
    }

    /**
     * {@code helm upgrade --install} without {@code --wait}: how the simulator leaves a rollout half done
     * (pods that never pull, crash, or start slowly). The suite's own HelmClient always waits.
     */
    private void installWithoutWaiting(Path chart, String release, String namespace, HelmValues values) {
        UpgradeCommand command = new Helm(chart).upgrade().install().withName(release).withNamespace(namespace)
                .withKubeConfig(Kubeconfigs.privateFile(cluster.kubeconfig())).disableOpenApiValidation();
        for (Map.Entry<String, String> value : values.asMap().entrySet()) {
            command = command.set(value.getKey(), value.getValue());
        }
        command.call();
    }
}
