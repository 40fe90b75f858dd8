package com.bffaccounting.gate.sim;

import com.bffaccounting.gate.config.ArtifactSettings;
import com.bffaccounting.gate.config.ServiceRef;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.io.LoopbackPorts;
import com.bffaccounting.gate.sim.cluster.ApiFaults;
import com.bffaccounting.gate.sim.cluster.SimRbac;
import com.bffaccounting.gate.sim.cluster.SimCluster;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.EnvVar;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole simulated pilot of {@code env=sim}: registry, cluster and BFF, wired as the real ones are
 * and already deployed — as if someone had run Step 3 by hand (checklist option 2) — so that a
 * verify-only run has a release to verify. The faults of FAULTS.md shape what is deployed and how the
 * simulated kubelet treats images.
 */
public final class SimPilot implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimRegistry registry;
    private final SimBff bff;
    private final SimCluster cluster;
    private final String kubeconfig;
    private final URI registryUrl;
    private final AtomicReference<InetSocketAddress> prometheusPods;

    private SimPilot(SimRegistry registry, SimBff bff, SimCluster cluster, String kubeconfig) {
        this(registry, bff, cluster, kubeconfig, new AtomicReference<>());
    }

    private SimPilot(SimRegistry registry, SimBff bff, SimCluster cluster, String kubeconfig,
                     AtomicReference<InetSocketAddress> prometheusPods) {
        this.prometheusPods = prometheusPods;
        this.registry = registry;
        this.registryUrl = bff.config().has(Fault.REGISTRY_UNREACHABLE)
                ? URI.create("http://127.0.0.1:" + LoopbackPorts.free()) : registry.baseUrl();
        this.bff = bff;
        this.cluster = cluster;
        this.kubeconfig = kubeconfig;
    }

    public static SimPilot start(Settings settings, Path chart) {
        ArtifactSettings artifacts = settings.artifacts;
        String repoPath = artifacts.imageRepository().substring(artifacts.imageRepository().indexOf('/') + 1);
        SimRegistry registry = new SimRegistry();
        if (!Fault.IMAGE_MISSING.in(settings)) {
            registry.hold(repoPath, artifacts.imageTag());
        }
        if (!Fault.ROLLBACK_TARGET_MISSING.in(settings)) {
            registry.hold(repoPath, artifacts.rollbackTag());
        }
        if (Fault.REGISTRY_NO_PULL_ACCESS.in(settings)) {
            registry.denyPulls();
        }
        registry.start();
        Clock clock = Clock.systemUTC();
        SimBff bff = new SimBff(SimBffConfig.of(settings), clock).start();
        if (Fault.CLUSTER_UNREACHABLE.in(settings)) {
            return new SimPilot(registry, bff, null, SimCluster.kubeconfigFor("http://127.0.0.1:" + LoopbackPorts.free(), "sim-token-unreachable"));
        }
        // every pod of the simulated release is SimBff: a port-forward to any of them reaches SimBff's port;
        // the pod behind prometheus.service (when set) is the suite's own Prometheus, once it runs
        AtomicReference<InetSocketAddress> prometheusPods = new AtomicReference<>();
        String prometheusNamespace = settings.prometheus.service().map(ServiceRef::namespace).orElse("");
        SimCluster cluster = SimCluster.start(clock, SimImages.fates(settings, registry, repoPath),
                env -> bff.reconfigure(allowlistOf(env)), () -> bff.log().lines(),
                (namespace, pod, port) -> prometheusNamespace.equals(namespace) && prometheusPods.get() != null
                        ? prometheusPods.get() : new InetSocketAddress("127.0.0.1", bff.port()));
        // With kubeconfig-current-context-elsewhere the file's current context is another, unreachable cluster:
        // only a run that selects sim-pilot (-Dcluster.context) with every client reaches this one.
        String kubeconfig = Fault.KUBECONFIG_CURRENT_CONTEXT_ELSEWHERE.in(settings)
                ? SimCluster.kubeconfigWithContextElsewhere(cluster.apiServerUrl(), cluster.token(), "http://127.0.0.1:" + LoopbackPorts.free())
                : cluster.kubeconfig();
        SimPilot pilot = new SimPilot(registry, bff, cluster, kubeconfig, prometheusPods);
        settings.prometheus.service().ifPresent(cluster::createPrometheusService);
        if (!Fault.NAMESPACE_MISSING.in(settings)) {
            cluster.createNamespace(settings.cluster.ref().namespace());
            new SimRelease(cluster, registry).seedFrom(settings, chart);
        }
        cluster.resetWriteCount();
        cluster.apiFaults(apiFaultsOf(settings));
        // credentials-rejected: an account the cluster knows but has bound to no Role, as RBAC refuses it
        cluster.suiteRbac(Fault.CREDENTIALS_REJECTED.in(settings) ? SimRbac.none("sim-user")
                : settings.sim.userRules().map(SimPilot::rbacFrom).orElseGet(() -> rbacOf(settings.sim.user())));
        return pilot;
    }

    /** The rules of the simulated user: the shipped Roles (deploy/rbac/), Kubernetes' view role, or none (an admin). */
    public static SimRbac rbacOf(String user) {
        try {
            return switch (user) {
                case "verify", "deploy" -> SimRbac.fromYaml(user, Files.readString(Settings.projectDir().resolve("deploy/rbac/" + user + ".yaml")));
                case "view" -> SimRbac.fromYaml(user, new String(SimPilot.class.getClassLoader().getResourceAsStream("sim/rbac-view.yaml")
                        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                default -> null;
            };
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("sim.user=" + user + ": cannot read its RBAC rules", e);
        }
    }

    private static SimRbac rbacFrom(String roleFile) {
        try {
            return SimRbac.fromYaml("sim-user", Files.readString(Path.of(roleFile)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("sim.userRules: cannot read " + roleFile, e);
        }
    }

    /** The unkind API server the faults ask for, from the run's first request on (the seed is done by then). */
    private static ApiFaults apiFaultsOf(Settings settings) {
        Set<String> forbidden = Fault.activeIn(settings).stream().map(Fault::forbids).flatMap(Optional::stream)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        return new ApiFaults(Fault.API_FLAKY.in(settings), Fault.API_UNAUTHORIZED.in(settings),
                Fault.API_SLOW.in(settings) ? settings.sim.apiDelay() : Duration.ZERO,
                Fault.API_HANG.in(settings) ? settings.sim.apiHang() : null, Set.copyOf(forbidden),
                Fault.CRD_MISSING.in(settings), Fault.WEBHOOK_DENIED.in(settings));
    }

    static List<String> allowlistOf(List<EnvVar> env) {
        Optional<String> json = env == null ? Optional.empty() : env.stream()
                .filter(e -> "OS_TENANT_ALLOWLIST_JSON".equals(e.getName())).map(EnvVar::getValue).findFirst();
        try {
            return json.isEmpty() ? List.of() : JSON.readValue(json.get(), new TypeReference<List<String>>() { });
        } catch (IOException e) {
            return List.of();
        }
    }


    public SimRegistry registry() {
        return registry;
    }

    /** From now on a port-forward to the simulated Prometheus Service's pod reaches the Prometheus at {@code url}. */
    public void routePrometheusPods(URI url) {
        prometheusPods.set(new InetSocketAddress(url.getHost(), url.getPort()));
    }

    /** Where the suite finds the registry: with {@link Fault#REGISTRY_UNREACHABLE}, a port nothing answers on. */
    public URI registryUrl() {
        return registryUrl;
    }

    public SimBff bff() {
        return bff;
    }

    public Optional<SimCluster> cluster() {
        return Optional.ofNullable(cluster);
    }

    public String kubeconfig() {
        return kubeconfig;
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
        bff.close();
        registry.close();
    }
}
