package com.bffaccounting.gate.sut;

import com.bffaccounting.gate.config.ServiceRef;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.helm.HelmClient;
import com.bffaccounting.gate.kube.AccessReview;
import com.bffaccounting.gate.kube.ApiErrors;
import com.bffaccounting.gate.kube.CheckPermissions;
import com.bffaccounting.gate.kube.ClusterProbe;
import com.bffaccounting.gate.kube.KubeClient;
import com.bffaccounting.gate.kube.KubeErrors;
import com.bffaccounting.gate.kube.Kubeconfigs;
import com.bffaccounting.gate.kube.PodLogSource;
import com.bffaccounting.gate.kube.rollout.PodStates;
import com.bffaccounting.gate.kube.PortForwards;
import com.bffaccounting.gate.logs.LogSource;
import com.bffaccounting.gate.model.ReleaseRef;
import com.bffaccounting.gate.model.RunFacts;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.outcome.Unreachable;
import com.bffaccounting.gate.prometheus.PrometheusClient;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A run's connection to a Kubernetes API (real, K3s or simulated): what its first contact found, the
 * cluster when it can be used, and what a cluster run reaches through it — the BFF behind the
 * Deployment and an in-cluster Prometheus, both by port-forward.
 */
record ClusterConnection(ClusterProbe probe, Capability<ClusterTarget> cluster) {

    /**
     * The BFF as a cluster run reaches it, in {@code sim} as on a real cluster: {@code kubectl port-forward
     * deployment/NAME PORT} (fabric8's LocalPortForward, to a ready pod), opened when a check first needs it.
     */
    Supplier<Capability<BffTarget>> bffBehindDeployment(Settings settings, RunFacts facts, List<AutoCloseable> resources) {
        ReleaseRef release = settings.cluster.ref();
        return () -> cluster().get().map(cluster -> {
            Optional<Deployment> deployment = cluster.kube().deployment(release.namespace(), release.deployment());
            Optional<String> pod = deployment.flatMap(d -> readyPodOf(cluster, release, d));
            if (pod.isEmpty()) {
                return Capability.<BffTarget>absent(noReadyPod(release));
            }
            LocalPortForward forward = cluster.kube().portForward(release.namespace(), deployment.get(),
                    release.containerPort());
            resources.add(forward);
            URI url = URI.create("http://127.0.0.1:" + forward.getLocalPort());
            String via = "port-forward to " + release.deploymentName() + ":" + release.containerPort()
                    + " (pod " + pod.get() + cluster.origin().note() + ")";
            facts.bff(url + " (" + via + ")");
            // a request the port-forward cannot carry because the API server refused its stream is the cluster's, not the BFF's
            Supplier<Optional<String>> refusal = () -> PortForwards.refusal(forward, release.namespace(), pod.get(), release.containerPort());
            return Capability.of(new BffTarget(url, via, false, Capability.<LogSource>of(new PodLogSource(
                    cluster.kube(), release, PodLogSource.LINES_FOR_CHECKS)),
                    Optional.of("pod " + pod.get() + " port " + release.containerPort()), refusal));
        }).orElseGet(() -> cluster().missingFor("needs the BFF, which is reached by port-forward through the cluster: "));
    }

    /**
     * The cluster's identity for the attestation: kube-system's UID, which lives as long as the cluster (the
     * API server's URL can move). An account that may not read it gets the reason instead; nothing fails.
     */
    private static String clusterIdentity(KubeClient kube) {
        try {
            return kube.namespaceUid("kube-system").orElse("unknown: the cluster has no kube-system namespace");
        } catch (Inconclusive | KubernetesClientException e) {
            return "unknown: " + e.getMessage();
        }
    }

    /**
     * Connects with the kubeconfig's (or the configured) context and asks the API server for its version.
     * An unreachable server is kept as a probe failure for C3.1; everything else that needs the cluster
     * is then NOT_RUN with that reason.
     */
    /**
     * @param origin      what the API server is (a real cluster, or the simulated one)
     * @param writes      how writes are counted; null counts the suite client's own
     * @param helmOptions how Helm may act on it (schema validation needs an OpenAPI document)
     */
    static ClusterConnection connect(Settings settings, RunFacts facts, String kubeconfig, String source, ClusterTarget.Origin origin,
                                     IntSupplier writes, HelmClient.Options helmOptions) {
        KubeClient kube = Preflight.kubeClient(settings, kubeconfig, source);
        facts.kubeContext(kube.context() + origin.note());
        facts.kubeApiServer(kube.apiServerUrl());
        String version;
        try {
            version = kube.serverVersion().getGitVersion();
        } catch (KubeErrors.CredentialsRejected e) {
            // it answered, and said no: the credentials, not the network (C2.1 fails; everything else cannot be judged)
            kube.close();
            return refused(source, kube, Optional.empty(), e.reason());
        } catch (KubeErrors.TimedOut | KubeErrors.TlsFailed e) {
            // it is there, but too slow to judge anything by, or not to be trusted: every check that needs it cannot be decided
            kube.close();
            String why = e instanceof KubeErrors.TimedOut t ? t.why() : ((KubeErrors.TlsFailed) e).why();
            ClusterProbe probe = new ClusterProbe(true, null, source, kube.context(), kube.apiServerUrl(), Optional.empty(),
                    Optional.of(why), Optional.empty(), Optional.empty(), true);
            return new ClusterConnection(probe, Capability.unusable("cannot be judged: the API server of context '" + kube.context()
                    + "' cannot be used (" + (e instanceof KubeErrors.TimedOut ? "too slow to answer" : "TLS failed")
                    + "; see the cluster connectivity check)"));
        } catch (Inconclusive | KubernetesClientException e) {
            String why = e instanceof KubernetesClientException k ? ApiErrors.words(k) : e instanceof Unreachable u ? u.why() : e.getMessage();
            kube.close();
            ClusterProbe probe = new ClusterProbe(true, null, source, kube.context(), kube.apiServerUrl(), Optional.empty(),
                    Optional.of(why), Optional.empty());
            return new ClusterConnection(probe, Capability.absent("needs a reachable cluster: the API server of context '"
                    + kube.context() + "' at " + kube.apiServerUrl() + " did not answer (see the cluster connectivity check)"));
        }
        facts.kubeVersion(version);
        // /version answers anyone; whether these credentials may read the namespace is asked separately (C2.1)
        String namespace = settings.cluster.ref().namespace();
        Optional<String> forbidden = Optional.empty();
        try {
            kube.listPods(namespace);
        } catch (KubeErrors.CredentialsRejected e) {
            kube.close();
            return refused(source, kube, Optional.of(version), e.reason());
        } catch (KubeErrors.Forbidden e) {
            // these credentials may not read the release's pods: C2.1 says so, and each check that reads them too
            forbidden = Optional.of(e.getMessage());
        }
        facts.kubeSystemUid(clusterIdentity(kube));
        // Helm acts on the same context as the fabric8 client: the selected one, not the file's current one.
        HelmClient helm = new HelmClient(Kubeconfigs.withCurrentContext(kubeconfig, kube.context()),
                helmOptions);
        ClusterTarget cluster = new ClusterTarget(kube, helm, origin, writes != null ? writes : kube::writeRequests,
                new AccessReview(kube, CheckPermissions.needed(namespace, settings.cluster.writesAllowed())));
        ClusterProbe probe = new ClusterProbe(true, null, source, kube.context(), kube.apiServerUrl(), Optional.of(version),
                Optional.empty(), Optional.empty(), forbidden, false);
        return new ClusterConnection(probe, Capability.of(cluster));
    }

    /** 401: C2.1 fails with it, and every other check that needs the cluster is INCONCLUSIVE naming C2.1. */
    private static ClusterConnection refused(String source, KubeClient kube, Optional<String> version, String why) {
        ClusterProbe probe = new ClusterProbe(true, null, source, kube.context(), kube.apiServerUrl(), version,
                Optional.empty(), Optional.of(why));
        return new ClusterConnection(probe, Capability.unusable("cannot be judged: the API server rejected the credentials of context '"
                + kube.context() + "' (see C2.1)"));
    }

    /** {@code prometheus.service}: the cluster's own Prometheus, through a port-forward to a ready pod behind its Service. */
    Supplier<Capability<PrometheusClient>> prometheusInCluster(Settings settings, RunFacts facts, List<AutoCloseable> resources) {
        ServiceRef service = settings.prometheus.service().orElseThrow();
        return () -> cluster().get().map(cluster -> {
            LocalPortForward forward;
            try {
                forward = PortForwards.toService(cluster.kube(), service.namespace(), service.name(), service.port());
            } catch (IllegalStateException e) {
                return Capability.<PrometheusClient>failed(e.getMessage(), "needs Prometheus at " + service + ": " + e.getMessage());
            }
            resources.add(forward);
            URI url = URI.create("http://127.0.0.1:" + forward.getLocalPort());
            facts.prometheus("service/" + service + " through a port-forward (" + url + ")");
            return Capability.of(new PrometheusClient(url, settings.prometheus.queryTimeout()));
        }).orElseGet(() -> cluster().missingFor("needs Prometheus at service/" + service + ", reached through the cluster: "));
    }

    private static Optional<String> readyPodOf(ClusterTarget cluster, ReleaseRef release, Deployment deployment) {
        return cluster.kube().podsOf(release.namespace(), deployment).stream().filter(PodStates::ready)
                .map(p -> p.getMetadata().getName()).findFirst();
    }

    static String noReadyPod(ReleaseRef release) {
        return "needs a running BFF: " + release.describe() + " has no ready pod to reach (see the rollout checks)";
    }

}
