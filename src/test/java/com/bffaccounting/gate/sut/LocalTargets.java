package com.bffaccounting.gate.sut;

import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.local.BffContainers;
import com.bffaccounting.gate.local.BffProcess;
import com.bffaccounting.gate.model.RunFacts;
import com.bffaccounting.gate.outcome.Causes;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code env=local}: a BFF on this machine — already running at {@code bff.url}, started by the suite
 * from {@code bff.command}, or from {@code bff.image} with Testcontainers — and no cluster (unless
 * {@code local.cluster=k3s}).
 */
final class LocalTargets {
    private static final String NO_CLUSTER_LOCAL =
            "needs a Kubernetes cluster: env=local runs only the checks that talk to the BFF (use -Denv=cluster against a cluster)";

    private LocalTargets() {
    }

    static Targets build(Settings settings, RunFacts facts, SharedTargets shared) {
        if (settings.local.cluster().isPresent()) {
            return localK3s(settings, facts, shared);
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
                            true, Capability.of(containers)));
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
                        url.resolve(settings.bff.healthPath()), settings.timeouts.bffStart());
                resources.add(process);
                bff = Capability.of(new BffTarget(url, "process '" + settings.bff.command().get() + "' started by the suite",
                        true, Capability.of(process)));
            } catch (BffProcess.StartFailed e) {
                bff = startFailed(e.getMessage(), settings);
            }
        } else {
            bff = Capability.of(new BffTarget(settings.bff.url(), "already running BFF at " + settings.bff.url(), true,
                    Capability.absent("needs the BFF's log: the BFF at " + settings.bff.url()
                            + " was not started by the suite (use -Dbff.command or -Dbff.image to capture it)")));
        }
        bff.get().ifPresent(b -> facts.bff(b.baseUrl() + " (" + b.reachedVia() + ")"));
        Capability<BffTarget> resolved = bff;
        return Targets.from(shared).bff(() -> resolved).noCluster(NO_CLUSTER_LOCAL).closing(resources);
    }

    /**
     * A BFF the suite was to start and could not: C8.1 fails with the whole reason, once; every other BFF check
     * is INCONCLUSIVE with a one-line pointer to it (the run was to have a BFF, and has none to judge).
     */
    private static Capability<BffTarget> startFailed(String why, Settings settings) {
        String masked = settings.redactor().redact(why);
        return Capability.failed(masked, "cannot be judged: the BFF the suite started did not become healthy (see C8.1)");
    }

    /**
     * {@code -Dlocal.cluster=k3s}: the cluster checks against a throwaway K3s from Testcontainers, the BFF
     * reached through it as in a real cluster. Without Docker every cluster check is NOT_RUN, saying so.
     */
    private static Targets localK3s(Settings settings, RunFacts facts, SharedTargets shared) {
        if (!BffContainers.dockerAvailable()) {
            String reason = "needs a Docker engine for -Dlocal.cluster=k3s (Testcontainers K3s), and none is reachable here";
            return Targets.from(shared).bff(() -> Capability.absent(reason)).noCluster(reason).closing(new ArrayList<>());
        }
        K3sContainer k3s = new K3sContainer(DockerImageName.parse(settings.local.k3sImage()));
        k3s.start();
        facts.localCluster("K3s " + settings.local.k3sImage() + " (Testcontainers)");
        return ClusterTargets.build(settings, facts, shared, k3s.getKubeConfigYaml(), "K3s kubeconfig (Testcontainers)", k3s);
    }

}
