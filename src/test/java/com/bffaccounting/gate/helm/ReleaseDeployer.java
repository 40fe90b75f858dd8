package com.bffaccounting.gate.helm;

import com.bffaccounting.gate.kube.PodStates;
import com.bffaccounting.gate.kube.RolloutInspector;
import com.bffaccounting.gate.model.ImageReference;
import com.bffaccounting.gate.model.ReleaseRef;
import com.bffaccounting.gate.registry.RegistryClient;
import com.bffaccounting.gate.waits.Timeout;
import com.marcnuri.helm.Release;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Step 3 and the rollback: {@code helm upgrade --install … --wait --timeout T}, with the release's pods
 * watched while Helm waits. A pod stuck pulling its image or crash-looping ends the deploy within the
 * grace period, with a diagnosis that says whether the tag exists in the registry — not after Helm's
 * timeout with "context deadline exceeded".
 */
public final class ReleaseDeployer {
    /** Helm's call cannot be interrupted; it runs on a daemon thread so a fail-fast exit never blocks the JVM. */
    private static final ExecutorService HELM_CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "helm-upgrade");
        t.setDaemon(true);
        return t;
    });

    public record Request(Path chart, ReleaseRef release, HelmValues values, ImageReference image,
                          Duration timeout, Duration failFastAfter, boolean createNamespace) {
    }

    public record Deployed(Release release, Duration took) {
    }

    /** The deploy did not succeed; the message is the diagnosis. */
    public static final class DeployFailed extends AssertionError {
        public DeployFailed(String message) {
            super(message);
        }
    }

    private final HelmClient helm;
    private final RolloutInspector rollout;
    private final RegistryClient registry;

    public ReleaseDeployer(HelmClient helm, RolloutInspector rollout, RegistryClient registry) {
        this.helm = helm;
        this.rollout = rollout;
        this.registry = registry;
    }

    public Deployed deploy(Request request) {
        long start = System.nanoTime();
        CompletableFuture<Release> upgrade = CompletableFuture.supplyAsync(() -> helm.upgradeInstall(request.chart(),
                request.release().helmRelease(), request.release().namespace(), request.values(), request.timeout(), request.createNamespace()), HELM_CALLS);
        Optional<RolloutInspector.Stuck> stuck = rollout.stuckWhile(() -> !upgrade.isDone(), request.failFastAfter(),
                new Timeout("rollout", request.timeout(), "helm.timeout").plus(Duration.ofSeconds(30), "30 s for Helm to return after it")
                        .polledEvery(request.failFastAfter().dividedBy(4))); // a stuck pod is seen within a quarter of its grace
        if (stuck.isPresent()) {
            throw new DeployFailed(diagnose(stuck.get(), request.image(), Duration.ofNanos(System.nanoTime() - start)));
        }
        try {
            Release release = upgrade.join();
            return new Deployed(release, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DeployFailed("helm upgrade --install " + request.release().helmRelease() + " failed after "
                    + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s: " + oneLine(cause.getMessage())
                    + "; pods: " + oneLine(PodStates.describe(rollout.pods())));
        }
    }

    /** "pod X ImagePullBackOff; tag … not found in … (registry answered 404)". */
    public String diagnose(RolloutInspector.Stuck stuck, ImageReference image, Duration since) {
        PodStates.TerminalWait s = stuck.waiting();
        String head = "pod " + s.pod() + " " + s.reason() + " (failed fast " + String.format("%.1f", stuck.detectedAfter().toMillis() / 1000.0)
                + " s after it appeared, " + since.toSeconds() + " s into the deploy)";
        if (s.imagePull()) {
            RegistryClient.Resolution r = registry.resolve(image);
            String registryWord = r.found()
                    ? "the tag exists in the registry (" + r.digest() + "), so the cluster cannot pull it: check imagePullSecrets and GHCR pull access"
                    : r.message();
            return head + "; " + registryWord;
        }
        return head + ": " + (s.message() == null ? "" : s.message());
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
