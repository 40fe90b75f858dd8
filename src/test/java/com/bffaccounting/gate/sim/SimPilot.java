package com.bffaccounting.gate.sim;

import com.bffaccounting.gate.config.ArtifactSettings;
import com.bffaccounting.gate.config.ServiceRef;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.helm.HelmClient;
import com.bffaccounting.gate.helm.HelmValues;
import com.bffaccounting.gate.io.LoopbackPorts;
import com.bffaccounting.gate.kube.Kubeconfigs;
import com.bffaccounting.gate.model.ReleaseRef;
import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.model.ImageReference;
import com.bffaccounting.gate.sim.cluster.ApiFaults;
import com.bffaccounting.gate.sim.cluster.SimRbac;
import com.bffaccounting.gate.sim.cluster.PodFate;
import com.bffaccounting.gate.sim.cluster.SimAdmission;
import com.bffaccounting.gate.sim.cluster.SimCluster;
import com.bffaccounting.gate.waits.Timeout;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.UpgradeCommand;
import io.fabric8.kubernetes.api.model.EnvVar;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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

    /** The simulator's own setup: a deploy into the simulated cluster, pods started by its kubelet. */
    private static final Timeout SETUP = new Timeout("simulated pilot setup", Duration.ofSeconds(30), "fixed")
            .polledEvery(Duration.ofMillis(100));

    /** This project's chart, which the simulated release falls back to. */
    private static final Path BUNDLED_CHART = Settings.projectDir().resolve("charts/bff-accounting");

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
        SimBff bff = new SimBff(simBffConfig(settings), clock).start();
        if (Fault.CLUSTER_UNREACHABLE.in(settings)) {
            return new SimPilot(registry, bff, null, SimCluster.kubeconfigFor("http://127.0.0.1:" + LoopbackPorts.free(), "sim-token-unreachable"));
        }
        String pilotImage = artifacts.image();
        // Nodes already hold the pilot image (it was deployed before this run); anything else must be pulled.
        Set<String> nodeCache = Set.of(pilotImage);
        // every pod of the simulated release is SimBff: a port-forward to any of them reaches SimBff's port;
        // the pod behind prometheus.service (when set) is the suite's own Prometheus, once it runs
        AtomicReference<InetSocketAddress> prometheusPods = new AtomicReference<>();
        String prometheusNamespace = settings.prometheus.service().map(ServiceRef::namespace).orElse("");
        SimCluster cluster = SimCluster.start(clock, image -> fateOf(image, pilotImage, settings, registry, repoPath, nodeCache),
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
            pilot.seedReleaseFrom(settings, chart);
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
        Set<String> forbidden = new java.util.TreeSet<>();
        if (Fault.FORBID_SECRETS.in(settings)) {
            forbidden.add("secrets");
        }
        if (Fault.FORBID_POD_LOGS.in(settings)) {
            forbidden.add("pods/log");
        }
        if (Fault.FORBID_EVENTS.in(settings)) {
            forbidden.add("events");
        }
        if (Fault.FORBID_PORT_FORWARD.in(settings)) {
            forbidden.add("pods/portforward");
        }
        if (Fault.FORBID_WRITES.in(settings)) {
            forbidden.add(ApiFaults.WRITES);
        }
        return new ApiFaults(Fault.API_FLAKY.in(settings), Fault.API_UNAUTHORIZED.in(settings),
                Fault.API_SLOW.in(settings) ? settings.sim.apiDelay() : Duration.ZERO,
                Fault.API_HANG.in(settings) ? settings.sim.apiHang() : null, Set.copyOf(forbidden),
                Fault.CRD_MISSING.in(settings), Fault.WEBHOOK_DENIED.in(settings));
    }

    /**
     * A chart under test that cannot be deployed at all (its values.yaml does not parse, say) is C5.2's
     * failure to report, not a reason to have no simulated pilot: the release is then seeded from this
     * project's own chart, and the run says so.
     */
    private void seedReleaseFrom(Settings settings, Path chart) {
        try {
            seedRelease(settings, chart);
        } catch (RuntimeException e) {
            if (chart.toAbsolutePath().normalize().equals(BUNDLED_CHART.toAbsolutePath().normalize())) {
                throw e;
            }
            System.err.println("[release-gate] sim: the chart " + chart + " cannot be deployed into the simulated cluster ("
                    + Causes.describe(e) + "); the simulated release comes from "
                    + BUNDLED_CHART + " instead, and C5.2 judges " + chart);
            seedRelease(settings, BUNDLED_CHART);
        }
    }

    /** The deploy that happened before this run. Faults that break a rollout leave it half done, old pods serving. */
    private void seedRelease(Settings settings, Path chart) {
        ArtifactSettings artifacts = settings.artifacts;
        ReleaseRef release = settings.cluster.ref();
        // the deploy someone made before this run: the simulator's own Helm, which may write
        HelmClient helm = new HelmClient(cluster.kubeconfig(), new HelmClient.Options(true, false));
        String allowlist = Fault.ALLOWLIST_EMPTY.in(settings) ? "[]" : settings.gating.allowlistJson();
        boolean brokenRollout = BROKEN_ROLLOUTS.stream().anyMatch(f -> f.in(settings));
        if (brokenRollout) {
            // the release before: as it was deployed then, without this run's extra values (a PodSecurity-breaking one among them)
            helm.upgradeInstall(chart, release.helmRelease(), release.namespace(),
                    HelmValues.pilot(allowlist, artifacts.imageRepository(), artifacts.rollbackTag()), SETUP.value(), false);
        }
        admissionOf(settings).ifPresent(cluster::admission);
        if (brokenRollout && settings.cluster.deploy()) {
            return; // this run's deploy makes the rollout that breaks, from the release before
        }
        // deployed as the release names it: by the digest the tag resolves to when the release pins one, so that a
        // pin the registry does not hold is told by C4.1 (and C5.3 sees the digest that really runs)
        ImageReference seeded = artifacts.reference();
        if (Fault.WEBHOOK_DENIED.in(settings)) {
            // the previous tag runs, so that deploying this one changes the Deployment, which the webhook refuses
            seeded = artifacts.rollbackReference();
        }
        if (seeded.pinnedDigest().isPresent()) {
            seeded = seeded.pinnedTo(registry.digestOf(seeded.repository(), seeded.tag()));
        }
        installWithoutWaiting(chart, release.helmRelease(), release.namespace(), HelmValues.pilot(allowlist, seeded).setAll(settings.cluster.helmSet()));
        if (!brokenRollout && !Fault.SLOW_ROLLOUT.in(settings) && !Fault.SLOW_READY.in(settings)) {
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

    /**
     * SimBff gets what a deployment would give the container. Faults that are about configuration
     * (an empty allowlist) change that input; the others switch a behaviour inside SimBff.
     */
    public static SimBffConfig simBffConfig(Settings settings) {
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        for (Fault fault : Fault.values()) {
            if (fault.in(settings)) {
                faults.add(fault);
            }
        }
        List<String> allowlist = faults.contains(Fault.ALLOWLIST_EMPTY) ? List.of() : settings.gating.allowlist();
        List<SimBffConfig.SyncSource> sources = new ArrayList<>();
        List<String> names = settings.sim.syncSources();
        for (int i = 0; i < names.size(); i++) {
            boolean first = i == 0;
            Duration lag = first && faults.contains(Fault.SYNC_STALE)
                    ? settings.sync.maxLag().plus(settings.sync.maxLag().dividedBy(5)) // 6 min against a 5 min SLO
                    : settings.sim.syncLag();
            double errorRate = first && faults.contains(Fault.SYNC_ERROR_RATE)
                    ? settings.sync.maxErrorRate() + 0.01 // 6 % against a 5 % SLO
                    : settings.sim.syncErrorRate();
            Duration stale = settings.sync.maxLag().plus(settings.sync.maxLag().dividedBy(5));
            if (i == 1 && faults.contains(Fault.ALERT_STUCK)) {
                // stale for good: ExternalSyncStale fires and stays firing past the P1 window
                sources.add(new SimBffConfig.SyncSource(names.get(i), stale, errorRate));
            } else if (i == 2 && faults.contains(Fault.ALERT_FLAP)) {
                // stale when monitoring starts watching, synced again soon after: the alert fires, then resolves
                sources.add(new SimBffConfig.SyncSource(names.get(i), stale, errorRate, settings.sim.flapRecoversAfter(), settings.sim.syncLag()));
            } else {
                sources.add(new SimBffConfig.SyncSource(names.get(i), lag, errorRate));
            }
        }
        SimBffConfig.Routes routes = new SimBffConfig.Routes(settings.gating.tenantHeader(), settings.bff.healthPath(),
                settings.bff.readyPath(), settings.bff.metricsPath(), SimBffConfig.Routes.pathOf(settings.gating.probePath()),
                settings.gating.deniedErrorCode());
        return new SimBffConfig(allowlist, sources, faults, routes);
    }

    /** Faults that leave the seeded rollout half done, the release before still serving. */
    private static final List<Fault> BROKEN_ROLLOUTS = List.of(Fault.IMAGE_PULL_BACKOFF, Fault.CRASH_LOOP, Fault.UNSCHEDULABLE,
            Fault.READINESS_FAILING, Fault.QUOTA_EXCEEDED, Fault.PSA_REJECTED, Fault.PROGRESS_DEADLINE, Fault.OOM_KILLED,
            Fault.INIT_CRASH, Fault.EVICTED);

    /**
     * quota-exceeded: a ResourceQuota of 1Gi on limits.memory, which the release before (2 × 512Mi) fills, so
     * the new ReplicaSet's first pod is refused; psa-rejected: the namespace enforces PodSecurity "restricted",
     * which the release's pod meets only when its values do (the row sets one that does not).
     */
    private static Optional<SimAdmission> admissionOf(Settings settings) {
        if (Fault.QUOTA_EXCEEDED.in(settings)) {
            return Optional.of(SimAdmission.memoryQuota("accounting-quota", "1Gi"));
        }
        return Fault.PSA_REJECTED.in(settings) ? Optional.of(SimAdmission.podSecurityRestricted()) : Optional.empty();
    }

    /** The pilot tag's pods, as each rollout fault has them; every other image as the registry and nodes allow. */
    private static Optional<PodFate> pilotFate(Settings settings) {
        if (Fault.IMAGE_PULL_BACKOFF.in(settings)) {
            return Optional.of(PodFate.pullFails("rpc error: code = Unknown desc = failed to pull and unpack image: "
                    + "pull access denied: the node has no credentials for the registry"));
        }
        if (Fault.CRASH_LOOP.in(settings)) {
            return Optional.of(PodFate.crashLoops());
        }
        if (Fault.OOM_KILLED.in(settings)) {
            return Optional.of(PodFate.of(PodFate.Kind.OOM_KILLED, "back-off restarting failed container"));
        }
        if (Fault.INIT_CRASH.in(settings)) {
            return Optional.of(PodFate.of(PodFate.Kind.INIT_CRASH_LOOPS, "back-off restarting failed container",
                    "> bff-accounting@1.0.0 migrate", "Running migration 20251203_add_tenant_index",
                    "error: relation \"journal_entries_tenant_idx\" already exists"));
        }
        if (Fault.READINESS_FAILING.in(settings)) {
            return Optional.of(PodFate.of(PodFate.Kind.NEVER_READY, "HTTP probe failed with statuscode: 503"));
        }
        if (Fault.UNSCHEDULABLE.in(settings)) {
            return Optional.of(PodFate.of(PodFate.Kind.UNSCHEDULABLE, "0/3 nodes are available: 3 Insufficient cpu. "
                    + "preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."));
        }
        if (Fault.EVICTED.in(settings)) {
            return Optional.of(PodFate.of(PodFate.Kind.EVICTED, "The node was low on resource: memory. Threshold quantity: 100Mi, "
                    + "available: 52Mi. Container bff-accounting was using 498Mi, request is 128Mi, has larger consumption of memory."));
        }
        if (Fault.PROGRESS_DEADLINE.in(settings)) {
            return Optional.of(PodFate.of(PodFate.Kind.PROGRESS_DEADLINE_PASSES, null));
        }
        if (Fault.SLOW_READY.in(settings)) {
            return Optional.of(PodFate.of(PodFate.Kind.READY_INSIDE_PROBE_BUDGET, null));
        }
        return Optional.empty();
    }

    private static PodFate fateOf(String image, String pilotImage, Settings settings, SimRegistry registry, String repoPath,
                                  Set<String> nodeCache) {
        boolean pilot = image.equals(pilotImage);
        Optional<PodFate> faulted = pilot ? pilotFate(settings) : Optional.empty();
        if (faulted.isPresent()) {
            return faulted.get();
        }
        ImageReference reference = ImageReference.parseReference(image);
        String tag = reference.tag();
        boolean pinnedElsewhere = reference.pinnedDigest().filter(d -> !d.equals(registry.digestOf(repoPath, tag))).isPresent();
        // a pull by digest finds only that manifest: a node has never held an image of a digest the registry lacks
        if (pinnedElsewhere || (!nodeCache.contains(image) && !registry.holds(repoPath, tag))) {
            return PodFate.pullFails("manifest unknown: " + image + " not found");
        }
        boolean slow = pilot && Fault.SLOW_ROLLOUT.in(settings);
        return PodFate.runs(slow ? settings.sim.slowRolloutDelay() : Duration.ofMillis(200));
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
