package com.bffaccounting.gate.sim;

import com.bffaccounting.gate.config.ArtifactSettings;
import com.bffaccounting.gate.config.ServiceRef;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.io.LoopbackPorts;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole simulated pilot of {@code env=sim}: registry, cluster and BFF, wired as the real ones are
 * and already deployed — as if someone had run Step 3 by hand (checklist option 2) — so that a
 * verify-only run has a release to verify. The faults of FAULTS.md shape what is deployed and how the
 * simulated kubelet treats images.
 */
public final class SimPilot implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FaultEffects faults;
    private final SimRegistry registry;
    private final SimBff bff;
    private final SimCluster cluster;
    private final String kubeconfig;
    private final URI registryUrl;
    private final AtomicReference<InetSocketAddress> prometheusPods;

    private SimPilot(FaultEffects faults, SimRegistry registry, SimBff bff, SimCluster cluster, String kubeconfig,
                     AtomicReference<InetSocketAddress> prometheusPods) {
        this.faults = faults;
        this.prometheusPods = prometheusPods;
        this.registry = registry;
        this.registryUrl = faults.registryUnreachable ? URI.create("http://127.0.0.1:" + LoopbackPorts.free()) : registry.baseUrl();
        this.bff = bff;
        this.cluster = cluster;
        this.kubeconfig = kubeconfig;
    }

    public static SimPilot start(Settings settings, Path chart) {
        FaultEffects faults = FaultEffects.of(settings);
        ArtifactSettings artifacts = settings.artifacts;
        String repoPath = artifacts.imageRepository().substring(artifacts.imageRepository().indexOf('/') + 1);
        SimRegistry registry = new SimRegistry();
        if (!faults.releaseTagAbsent) {
            registry.hold(repoPath, artifacts.imageTag());
        }
        if (!faults.rollbackTagAbsent) {
            registry.hold(repoPath, artifacts.rollbackTag());
        }
        if (faults.pullsDenied) {
            registry.denyPulls();
        }
        registry.start();
        Clock clock = Clock.systemUTC();
        SimBff bff = new SimBff(SimBffConfig.of(settings, faults), clock).start();
        if (faults.apiServerDown) {
            return new SimPilot(faults, registry, bff, null, SimCluster.kubeconfigFor("http://127.0.0.1:" + LoopbackPorts.free(),
                    "sim-token-unreachable"), new AtomicReference<>());
        }
        // every pod of the simulated release is SimBff: a port-forward to any of them reaches SimBff's port;
        // the pod behind prometheus.service (when set) is the suite's own Prometheus, once it runs
        AtomicReference<InetSocketAddress> prometheusPods = new AtomicReference<>();
        String prometheusNamespace = settings.prometheus.service().map(ServiceRef::namespace).orElse("");
        SimCluster cluster = SimCluster.start(clock, SimImages.fates(settings, faults, registry, repoPath),
                env -> bff.reconfigure(allowlistOf(env)), () -> bff.log().lines(),
                (namespace, pod, port) -> prometheusNamespace.equals(namespace) && prometheusPods.get() != null
                        ? prometheusPods.get() : new InetSocketAddress("127.0.0.1", bff.port()));
        // With kubeconfig-current-context-elsewhere the file's current context is another, unreachable cluster:
        // only a run that selects sim-pilot (-Dcluster.context) with every client reaches this one.
        String kubeconfig = faults.currentContextElsewhere
                ? SimCluster.kubeconfigWithContextElsewhere(cluster.apiServerUrl(), cluster.token(), "http://127.0.0.1:" + LoopbackPorts.free())
                : cluster.kubeconfig();
        SimPilot pilot = new SimPilot(faults, registry, bff, cluster, kubeconfig, prometheusPods);
        settings.prometheus.service().ifPresent(cluster::createPrometheusService);
        if (!faults.namespaceAbsent) {
            cluster.createNamespace(settings.cluster.ref().namespace());
            new SimRelease(cluster, registry, faults).seedFrom(settings, chart);
        }
        cluster.resetWriteCount();
        // the unkind API server the faults ask for, from the run's first request on (the seed is done by then)
        cluster.apiFaults(faults.api());
        // an account the cluster knows but has bound to no Role is refused as RBAC refuses it
        cluster.suiteRbac(faults.suiteUnbound ? SimRbac.none("sim-user")
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

    /**
     * The chart the run verifies and deploys: the given one, or the broken copy a chart fault asks for
     * (deleted when the run ends, with {@code resources}).
     */
    public Path chartUnderTest(Path chart, List<AutoCloseable> resources) {
        return ChartFaults.underTest(faults, chart, resources);
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
