package com.bffaccounting.gate.helm;

import com.bffaccounting.gate.kube.rollout.RolloutInspector;
import com.bffaccounting.gate.model.ImageReference;
import com.bffaccounting.gate.model.ReleaseRef;
import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.registry.RegistryClient;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Step 3 and the rollback, as a release engineer would do them by hand: verify the chart with the
 * deploy's values (C5.2) and look the tag up in the registry first, and only then
 * {@code helm upgrade --install --wait} with fail-fast on stuck pods ({@link ReleaseDeployer}).
 * A chart or tag that is not fit is a FAIL before anything is sent; a registry that cannot say
 * whether the tag exists is INCONCLUSIVE — nothing is deployed on a guess.
 */
public final class GuardedDeploy {
    private final HelmClient helm;
    private final RolloutInspector rollout;
    private final RegistryClient registry;
    private final Consumer<String> createNamespace;

    /** @param createNamespace {@code kubectl create namespace}, for a request whose namespace is missing */
    public GuardedDeploy(HelmClient helm, RolloutInspector rollout, RegistryClient registry, Consumer<String> createNamespace) {
        this.helm = helm;
        this.rollout = rollout;
        this.registry = registry;
        this.createNamespace = createNamespace;
    }

    public ReleaseDeployer.Deployed deploy(ChartVerifier.Result chart, ReleaseDeployer.Request request) {
        if (!chart.ok()) {
            throw new CheckFailed("refusing to deploy: the chart fails its pre-deploy checks: " + String.join("; ", chart.problems()));
        }
        ImageReference image = request.image();
        RegistryClient.Resolution resolution = registry.resolve(image);
        if (resolution.infrastructure()) {
            throw new Inconclusive("did not deploy " + image + ": " + resolution.message());
        }
        if (!resolution.found()) {
            throw new CheckFailed("refusing to deploy " + image + ": " + resolution.message());
        }
        if (resolution.movedFrom(image)) {
            throw new CheckFailed("refusing to deploy " + image + ": " + resolution.movedMessage(image));
        }
        if (request.createNamespace()) {
            // only once the deploy is sure to go ahead: a refused one leaves the cluster as it was
            createNamespace.accept(request.release().namespace());
        }
        return new ReleaseDeployer(helm, rollout, registry).deploy(request);
    }

    /** {@code helm status} and {@code helm history}, for the report when a deploy does not pass. */
    public static Map<String, Supplier<String>> evidence(HelmClient helm, ReleaseRef ref) {
        String release = ref.helmRelease();
        String namespace = ref.namespace();
        Map<String, Supplier<String>> items = new LinkedHashMap<>();
        items.put("helm status " + release, () -> {
            var status = helm.status(release, namespace);
            return "revision " + status.getRevision() + " " + status.getStatus() + " " + status.getChart() + " "
                    + status.getAppVersion() + " last deployed " + status.getLastDeployed();
        });
        items.put("helm history " + release, () -> helm.history(release, namespace).stream()
                .map(h -> h.getRevision() + " " + h.getStatus() + " " + h.getChart() + " " + h.getAppVersion() + " " + h.getDescription())
                .collect(Collectors.joining("\n")));
        return items;
    }
}
