package com.bffaccounting.gate.sut;

import com.bffaccounting.gate.config.ConfigException;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.helm.HelmClient;
import com.bffaccounting.gate.kube.KubeErrors;
import com.bffaccounting.gate.kube.KubeconfigFiles;
import com.bffaccounting.gate.model.RunFacts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code env=cluster} (and a local K3s): the kubeconfig's context, the BFF and an in-cluster Prometheus
 * by port-forward, the image's registry.
 */
final class ClusterTargets {
    private ClusterTargets() {
    }

    static Targets build(Settings settings, RunFacts facts, SharedTargets shared) {
        KubeconfigFiles.Loaded kubeconfig;
        try {
            kubeconfig = KubeconfigFiles.load(settings.cluster.kubeconfigFiles());
        } catch (KubeErrors.KubeconfigException e) {
            throw new ConfigException(e.getMessage());
        }
        return build(settings, facts, shared, kubeconfig.yaml(), kubeconfig.source(), null);
    }

    static Targets build(Settings settings, RunFacts facts, SharedTargets shared, String kubeconfig, String source, AutoCloseable owner) {
        // shared with Targets, which closes them: the port-forward below is opened only when a check needs the BFF
        List<AutoCloseable> resources = Collections.synchronizedList(new ArrayList<>());
        if (owner != null) {
            resources.add(owner);
        }
        ClusterConnection connection = ClusterConnection.connect(settings, facts, kubeconfig, source, ClusterTarget.Origin.REAL, null,
                new HelmClient.Options(settings.cluster.writesAllowed(), true));
        connection.cluster().get().ifPresent(resources::add);
        // counted to the end of the run: the verdict says how often the API server had to be asked again
        connection.cluster().get().ifPresent(c -> resources.add(() -> facts.kubeRetries(c.kube().retries())));
        Supplier<Capability<BffTarget>> bff = connection.bffBehindDeployment(settings, facts, resources);
        Targets.Builder targets = Targets.from(shared).bff(bff).cluster(connection.probe(), connection.cluster());
        if (settings.prometheus.service().isPresent()) {
            targets.prometheus(connection.prometheusInCluster(settings, facts, resources));
        }
        return targets.closing(resources);
    }

}
