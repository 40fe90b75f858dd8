package com.bffaccounting.gate.sut;

import com.bffaccounting.gate.config.ConfigException;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.helm.HelmClient;
import com.bffaccounting.gate.kube.KubeClient;
import com.bffaccounting.gate.kube.KubeconfigFiles;
import com.bffaccounting.gate.model.RunFacts;
import com.bffaccounting.gate.prometheus.PrometheusClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code env=cluster} (and a local K3s): the kubeconfig's context, the BFF and an in-cluster Prometheus
 * by port-forward, the image's registry.
 */
final class ClusterRun {
    private ClusterRun() {
    }

    static Targets build(Settings settings, RunFacts facts) {
        KubeconfigFiles.Loaded kubeconfig;
        try {
            kubeconfig = KubeconfigFiles.load(settings.cluster.kubeconfigFiles());
        } catch (KubeClient.KubeconfigException e) {
            throw new ConfigException(e.getMessage());
        }
        return build(settings, facts, kubeconfig.yaml(), kubeconfig.source(), null);
    }

    static Targets build(Settings settings, RunFacts facts, String kubeconfig, String source, AutoCloseable owner) {
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
        Supplier<Capability<PrometheusClient>> prometheus = settings.prometheus.service().isPresent()
                ? connection.prometheusInCluster(settings, facts, resources) : RunComposer.prometheusFromUrl(settings, facts);
        return new Targets(bff, connection.probe(), connection.cluster(), Capability.of(RunComposer.registryClient(settings)),
                prometheus, Path.of(settings.artifacts.chartPath()), resources);
    }

}
