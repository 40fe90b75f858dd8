package com.bffaccounting.gate.target;

import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.evidence.Redactor;
import com.bffaccounting.gate.helm.ChartFaults;
import com.bffaccounting.gate.helm.HelmClient;
import com.bffaccounting.gate.kube.ClusterTarget;
import com.bffaccounting.gate.kube.KubeClient;
import com.bffaccounting.gate.kube.Kubeconfigs;
import com.bffaccounting.gate.kube.PodLogSource;
import com.bffaccounting.gate.kube.PodStates;
import com.bffaccounting.gate.helm.HelmValues;
import com.bffaccounting.gate.prometheus.AlertRules;
import com.bffaccounting.gate.prometheus.PromDurations;
import com.bffaccounting.gate.prometheus.PrometheusClient;
import com.bffaccounting.gate.prometheus.PrometheusServer;
import com.bffaccounting.gate.local.BffContainers;
import com.bffaccounting.gate.local.BffProcess;
import com.bffaccounting.gate.registry.RegistryClient;
import com.bffaccounting.gate.run.RunFacts;
import com.bffaccounting.gate.sim.Fault;
import com.bffaccounting.gate.sim.SimPilot;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Builds the {@link Targets} of a run from its env. This is the only place that knows the env names:
 * features and steps ask for capabilities, and a capability absent here is NOT_RUN there.
 */
public final class TargetFactory {
    private static final String NO_CLUSTER_LOCAL =
            "needs a Kubernetes cluster: env=local runs only the checks that talk to the BFF (use -Denv=cluster against a cluster)";

    private TargetFactory() {
    }

    public static Targets build(Settings settings) {
        RunFacts.put("env", settings.env.id());
        RunFacts.put("image", settings.release.image());
        RunFacts.put("release.tag", settings.release.imageTag());
        RunFacts.put("helm.version", HelmClient.version());
        chartVersion(Path.of(settings.release.chartPath())).ifPresent(v -> RunFacts.put("chart.version", v));
        switch (settings.env) {
            case SIM:
                return sim(settings);
            case LOCAL:
                return local(settings);
            default:
                return cluster(settings);
        }
    }

    private static Targets sim(Settings settings) {
        List<AutoCloseable> resources = java.util.Collections.synchronizedList(new ArrayList<>());
        Path chart = Path.of(settings.release.chartPath());
        SimPilot pilot = SimPilot.start(settings, chart);
        resources.add(pilot);
        try {
            return simTargets(settings, pilot, chart, resources);
        } catch (RuntimeException e) {
            pilot.close(); // a half-built run must not leave the simulated pilot's servers behind
            throw e;
        }
    }

    private static Targets simTargets(Settings settings, SimPilot pilot, Path chart, List<AutoCloseable> resources) {
        Path chartUnderTest = chart;
        if (settings.sim.has(Fault.CHART_ENV_UNWIRED)) {
            chartUnderTest = ChartFaults.envUnwiredCopy(chart);
            Path broken = chartUnderTest;
            resources.add(() -> com.bffaccounting.gate.io.Trees.delete(broken));
        }
        RunFacts.put("standIn", "SimBff + SimCluster + SimRegistry (simulated pilot)");
        RegistryClient registry = new RegistryClient(pilot.registryUrl(), Optional.empty(), Optional.empty(),
                settings.registry.timeout());
        IntSupplier writes = pilot.cluster().<IntSupplier>map(c -> c::writeRequests).orElse(() -> 0);
        Connection connection = connect(settings, pilot.kubeconfig(), "(simulated kubeconfig)", true, writes);
        connection.cluster().get().ifPresent(resources::add);
        Supplier<Capability<BffTarget>> bff = bffBehindDeployment(settings, connection, resources);
        return new Targets(bff, connection.probe(), connection.cluster(), Capability.of(registry),
                simPrometheus(settings, pilot, connection, resources), chartUnderTest, resources);
    }

    private static Targets local(Settings settings) {
        if (settings.local.cluster().isPresent()) {
            return localK3s(settings);
        }
        List<AutoCloseable> resources = new ArrayList<>();
        Capability<BffTarget> bff;
        if (settings.bff.image().isPresent()) {
            String image = settings.bff.image().get();
            if (!BffContainers.dockerAvailable()) {
                bff = Capability.absent("needs a Docker engine to start -Dbff.image=" + image
                        + " with Testcontainers, and none is reachable here (use -Dbff.url or -Dbff.command)");
            } else {
                try {
                    BffContainers containers = BffContainers.start(image, settings.gating.allowlistJson(), settings.bff.startTimeout());
                    resources.add(containers);
                    bff = Capability.of(new BffTarget(containers.baseUrl(), "container " + image + " (Testcontainers)",
                            false, true, Capability.of(containers)));
                } catch (RuntimeException e) {
                    bff = startFailed("container " + image + " did not start: " + Causes.describe(e), settings);
                }
            }
        } else if (settings.bff.command().isPresent()) {
            URI url = settings.bff.url();
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("OS_TENANT_ALLOWLIST_JSON", settings.gating.allowlistJson());
            environment.put("USE_PG", settings.bff.usePg());
            environment.put("DATABASE_URL", settings.bff.databaseUrl());
            environment.put("PORT", Integer.toString(url.getPort() > 0 ? url.getPort() : 8081));
            environment.putAll(settings.bff.extraEnv());
            try {
                BffProcess process = BffProcess.start(settings.bff.command().get(), settings.bff.workdir(), environment,
                        url.resolve(settings.bff.healthPath()), settings.bff.startTimeout());
                resources.add(process);
                bff = Capability.of(new BffTarget(url, "process '" + settings.bff.command().get() + "' started by the suite",
                        false, true, Capability.of(process)));
            } catch (BffProcess.StartFailed e) {
                bff = startFailed(e.getMessage(), settings);
            }
        } else {
            bff = Capability.of(new BffTarget(settings.bff.url(), "already running BFF at " + settings.bff.url(), false, true,
                    Capability.absent("needs the BFF's log: the BFF at " + settings.bff.url()
                            + " was not started by the suite (use -Dbff.command or -Dbff.image to capture it)")));
        }
        bff.get().ifPresent(b -> RunFacts.put("bff", b.baseUrl() + " (" + b.reachedVia() + ")"));
        Capability<BffTarget> resolved = bff;
        return new Targets(() -> resolved, ClusterProbe.notConfigured(NO_CLUSTER_LOCAL), Capability.absent(NO_CLUSTER_LOCAL),
                Capability.of(registryClient(settings)), prometheusFromUrl(settings), Path.of(settings.release.chartPath()), resources);
    }

    /**
     * {@code -Dlocal.cluster=k3s}: the cluster checks against a throwaway K3s from Testcontainers, the BFF
     * reached through it as in a real cluster. Without Docker every cluster check is NOT_RUN, saying so.
     */
    /** A BFF the suite was to start and could not: C8.1 fails with why; every other BFF check is NOT_RUN with it. */
    private static Capability<BffTarget> startFailed(String why, Settings settings) {
        String masked = Redactor.of(settings).redact(why);
        return Capability.failed(masked, "needs the BFF, which did not start: " + masked);
    }

    private static Targets localK3s(Settings settings) {
        if (!BffContainers.dockerAvailable()) {
            String reason = "needs a Docker engine for -Dlocal.cluster=k3s (Testcontainers K3s), and none is reachable here";
            return new Targets(() -> Capability.absent(reason), ClusterProbe.notConfigured(reason), Capability.absent(reason),
                    Capability.of(registryClient(settings)), prometheusFromUrl(settings), Path.of(settings.release.chartPath()),
                    new ArrayList<>());
        }
        org.testcontainers.k3s.K3sContainer k3s = new org.testcontainers.k3s.K3sContainer(
                org.testcontainers.utility.DockerImageName.parse(settings.local.k3sImage()));
        k3s.start();
        RunFacts.put("localCluster", "K3s " + settings.local.k3sImage() + " (Testcontainers)");
        return cluster(settings, k3s.getKubeConfigYaml(), "K3s kubeconfig (Testcontainers)", k3s);
    }

    private static Targets cluster(Settings settings) {
        Path kubeconfigPath = settings.cluster.kubeconfig().orElseThrow();
        try {
            return cluster(settings, Files.readString(kubeconfigPath), kubeconfigPath.toString(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kubeconfig " + kubeconfigPath, e);
        }
    }

    private static Targets cluster(Settings settings, String kubeconfig, String source, AutoCloseable owner) {
        // shared with Targets, which closes them: the port-forward below is opened only when a check needs the BFF
        List<AutoCloseable> resources = java.util.Collections.synchronizedList(new ArrayList<>());
        if (owner != null) {
            resources.add(owner);
        }
        Connection connection = connect(settings, kubeconfig, source, false, null);
        connection.cluster().get().ifPresent(resources::add);
        Supplier<Capability<BffTarget>> bff = bffBehindDeployment(settings, connection, resources);
        Supplier<Capability<PrometheusClient>> prometheus = settings.prometheus.service().isPresent()
                ? prometheusInCluster(settings, connection, resources) : prometheusFromUrl(settings);
        return new Targets(bff, connection.probe(), connection.cluster(), Capability.of(registryClient(settings)),
                prometheus, Path.of(settings.release.chartPath()), resources);
    }

    private record Connection(ClusterProbe probe, Capability<ClusterTarget> cluster) {
    }

    /**
     * The BFF as a cluster run reaches it, in {@code sim} as on a real cluster: {@code kubectl port-forward
     * deployment/NAME PORT} (fabric8's LocalPortForward, to a ready pod), opened when a check first needs it.
     */
    private static Supplier<Capability<BffTarget>> bffBehindDeployment(Settings settings, Connection connection,
                                                                       List<AutoCloseable> resources) {
        return () -> connection.cluster().get().map(cluster -> {
            Optional<Deployment> deployment = cluster.kube().deployment(settings.cluster.namespace(), settings.cluster.deployment());
            Optional<String> pod = readyPodOf(cluster, settings);
            if (deployment.isEmpty() || pod.isEmpty()) {
                return Capability.<BffTarget>absent(noReadyPod(settings));
            }
            LocalPortForward forward = cluster.kube().portForward(settings.cluster.namespace(), deployment.get(),
                    settings.cluster.containerPort());
            resources.add(forward);
            URI url = URI.create("http://127.0.0.1:" + forward.getLocalPort());
            String via = "port-forward to deployment/" + settings.cluster.deployment() + ":" + settings.cluster.containerPort()
                    + " (pod " + pod.get() + (cluster.standIn() ? ", SimBff behind the simulated API server" : "") + ")";
            RunFacts.put("bff", url + " (" + via + ")");
            return Capability.of(new BffTarget(url, via, cluster.standIn(), false, Capability.<LogSource>of(new PodLogSource(
                    cluster.kube(), settings.cluster.namespace(), settings.cluster.deployment(), PodLogSource.LINES_FOR_CHECKS)),
                    Optional.of("pod " + pod.get() + " port " + settings.cluster.containerPort())));
        }).orElseGet(() -> Capability.absent("needs the BFF, which is reached by port-forward through the cluster: "
                + connection.cluster().absentReason()));
    }

    /**
     * Connects with the kubeconfig's (or the configured) context and asks the API server for its version.
     * An unreachable server is kept as a probe failure for C3.1; everything else that needs the cluster
     * is then NOT_RUN with that reason.
     */
    private static Connection connect(Settings settings, String kubeconfig, String source, boolean standIn, IntSupplier simWrites) {
        KubeClient kube = Preflight.kubeClient(settings, kubeconfig, source);
        RunFacts.put("kube.context", kube.context() + (standIn ? " (SimCluster)" : ""));
        RunFacts.put("kube.apiServer", kube.apiServerUrl());
        String version;
        try {
            version = kube.serverVersion().getGitVersion();
        } catch (KubernetesClientException e) {
            String why = Causes.describe(e);
            kube.close();
            ClusterProbe probe = new ClusterProbe(true, null, source, kube.context(), kube.apiServerUrl(), Optional.empty(),
                    Optional.of(why), Optional.empty());
            return new Connection(probe, Capability.absent("needs a reachable cluster: the API server of context '"
                    + kube.context() + "' at " + kube.apiServerUrl() + " did not answer (see the cluster connectivity check)"));
        }
        RunFacts.put("kube.version", version);
        // /version answers anyone; whether these credentials may read the namespace is asked separately (C2.1)
        int access = kube.listPodsStatus(settings.cluster.namespace());
        if (access == 401 || access == 403) {
            kube.close();
            String refused = "the API server answered " + access + (access == 401 ? " Unauthorized" : " Forbidden")
                    + " to listing pods in namespace " + settings.cluster.namespace() + " with the credentials of context '" + kube.context() + "'";
            ClusterProbe probe = new ClusterProbe(true, null, source, kube.context(), kube.apiServerUrl(), Optional.of(version),
                    Optional.empty(), Optional.of(refused));
            return new Connection(probe, Capability.absent("needs cluster credentials that may read namespace "
                    + settings.cluster.namespace() + " (see the cluster access check)"));
        }
        // Helm acts on the same context as the fabric8 client: the selected one, not the file's current one.
        HelmClient helm = new HelmClient(Kubeconfigs.withCurrentContext(kubeconfig, kube.context()),
                new HelmClient.Options(settings.cluster.writesAllowed(), !standIn));
        ClusterTarget cluster = new ClusterTarget(kube, helm, standIn,
                simWrites != null ? simWrites : kube::writeRequests);
        ClusterProbe probe = new ClusterProbe(true, null, source, kube.context(), kube.apiServerUrl(), Optional.of(version),
                Optional.empty(), Optional.empty());
        return new Connection(probe, Capability.of(cluster));
    }

    private static Optional<String> chartVersion(Path chart) {
        try {
            com.fasterxml.jackson.databind.JsonNode yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(chart.resolve("Chart.yaml").toFile());
            return Optional.of(yaml.path("name").asText() + "-" + yaml.path("version").asText());
        } catch (IOException e) {
            return Optional.empty(); // C5.2 reports a chart that cannot be read
        }
    }

    private static Optional<String> readyPodOf(ClusterTarget cluster, Settings settings) {
        return cluster.kube().deployment(settings.cluster.namespace(), settings.cluster.deployment())
                .flatMap(d -> cluster.kube().podsOf(settings.cluster.namespace(), d).stream().filter(PodStates::ready)
                        .map(p -> p.getMetadata().getName()).findFirst());
    }

    private static String noReadyPod(Settings settings) {
        return "needs a running BFF: deployment/" + settings.cluster.deployment() + " in namespace "
                + settings.cluster.namespace() + " has no ready pod to reach (see the rollout checks)";
    }

    private static RegistryClient registryClient(Settings settings) {
        String host = settings.release.imageRepository().substring(0, settings.release.imageRepository().indexOf('/'));
        URI url = settings.registry.url().orElse(URI.create("https://" + host));
        return new RegistryClient(url, settings.registry.username(), settings.registry.password(), settings.registry.timeout());
    }

    private static Supplier<Capability<PrometheusClient>> prometheusFromUrl(Settings settings) {
        Capability<PrometheusClient> capability = settings.prometheus.url()
                .map(url -> Capability.of(new PrometheusClient(url, settings.prometheus.queryTimeout())))
                .orElseGet(() -> Capability.absent("needs Prometheus: no -Dprometheus.url given (env=" + settings.env.id() + ")"));
        RunFacts.put("prometheus", settings.prometheus.url().map(URI::toString)
                .orElse("none (no -Dprometheus.url): C12.1/C12.2 read from a direct scrape, C12.3 not run"));
        return () -> capability;
    }

    /**
     * In sim: a real Prometheus, started on first use, scraping SimBff and evaluating the chart's own
     * alert rules (durations compressed by settings). Without the binary, C12.3 is NOT_RUN and C12.1/C12.2
     * fall back to a direct scrape.
     */
    private static Supplier<Capability<PrometheusClient>> simPrometheus(Settings settings, SimPilot pilot, Connection connection,
                                                                      List<AutoCloseable> resources) {
        if (settings.prometheus.url().isPresent()) {
            return prometheusFromUrl(settings);
        }
        Optional<Path> binary = settings.prometheus.binary().map(Path::of).or(() -> com.bffaccounting.gate.io.Executables.onPath("prometheus"));
        if (binary.isEmpty()) {
            RunFacts.put("prometheus", "none (no prometheus binary on PATH): C12 read from a direct scrape, C12.3 not run");
            Capability<PrometheusClient> absent = Capability.absent("needs Prometheus: no prometheus binary on PATH"
                    + " (apt-get install prometheus) and no -Dprometheus.url");
            return () -> absent;
        }
        return () -> {
            String rules = AlertRules.fromChart(Path.of(settings.release.chartPath()), new HelmValues()
                    .set("prometheusRule.externalSyncStale.thresholdSeconds", Long.toString(settings.sync.maxLag().toSeconds()))
                    .set("prometheusRule.externalSyncStale.for", PromDurations.of(settings.sync.alertFor())));
            URI bff = pilot.bff().baseUrl();
            PrometheusServer server = PrometheusServer.start(binary.get(), bff.getHost() + ":" + bff.getPort(), rules,
                    settings.prometheus.scrapeInterval(), java.time.Duration.ofSeconds(30));
            resources.add(server);
            PrometheusClient direct = new PrometheusClient(server.url(), settings.prometheus.queryTimeout());
            direct.awaitFirstEvaluation(java.time.Duration.ofSeconds(30));
            RunFacts.put("prometheus", server.url() + " (real Prometheus " + binary.get() + ", started by the suite)");
            if (settings.prometheus.service().isPresent()) {
                // the simulated Service's pod stands for this Prometheus: C12 goes through the port-forward, as in a cluster
                pilot.routePrometheusPods(server.url());
                return prometheusInCluster(settings, connection, resources).get();
            }
            return Capability.of(direct);
        };
    }

    /** {@code prometheus.service}: the cluster's own Prometheus, through a port-forward to a ready pod behind its Service. */
    private static Supplier<Capability<PrometheusClient>> prometheusInCluster(Settings settings, Connection connection,
                                                                           List<AutoCloseable> resources) {
        Settings.ServiceRef service = settings.prometheus.service().orElseThrow();
        return () -> connection.cluster().get().map(cluster -> {
            LocalPortForward forward;
            try {
                forward = cluster.kube().portForwardService(service.namespace(), service.name(), service.port());
            } catch (IllegalStateException e) {
                return Capability.<PrometheusClient>failed(e.getMessage(), "needs Prometheus at " + service + ": " + e.getMessage());
            }
            resources.add(forward);
            URI url = URI.create("http://127.0.0.1:" + forward.getLocalPort());
            RunFacts.put("prometheus", "service/" + service + " through a port-forward (" + url + ")");
            return Capability.of(new PrometheusClient(url, settings.prometheus.queryTimeout()));
        }).orElseGet(() -> Capability.absent("needs Prometheus at service/" + service + ", reached through the cluster: "
                + connection.cluster().absentReason()));
    }

}
