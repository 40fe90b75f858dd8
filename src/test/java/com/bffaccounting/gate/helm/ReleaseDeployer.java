package com.bffaccounting.gate.helm;

import com.bffaccounting.gate.kube.rollout.PodStates;
import com.bffaccounting.gate.kube.rollout.RolloutInspector;
import com.bffaccounting.gate.kube.rollout.RolloutOutcome;
import com.bffaccounting.gate.kube.rollout.RolloutProblem;
import com.bffaccounting.gate.model.ImageReference;
import com.bffaccounting.gate.model.ReleaseRef;
import com.bffaccounting.gate.registry.RegistryClient;
import com.bffaccounting.gate.waits.Timeout;
import com.marcnuri.helm.Release;

import com.bffaccounting.gate.outcome.Inconclusive;
import com.marcnuri.helm.ReleaseHistory;

import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Step 3 and the rollback: {@code helm upgrade --install … --wait --timeout T}, with the release's pods
 * watched while Helm waits. Any way the rollout fails that waiting will not mend (an image that cannot be
 * pulled, a crash loop, an unschedulable pod, a quota…) ends the deploy once it has lasted its grace, in
 * Kubernetes' words — not after Helm's timeout with "context deadline exceeded".
 */
public final class ReleaseDeployer {
    /** Helm's call cannot be interrupted; it runs on a daemon thread so a fail-fast exit never blocks the JVM. */
    private static final ExecutorService HELM_CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "helm-upgrade");
        t.setDaemon(true);
        return t;
    });

    /** {@code createNamespace}: the namespace is missing, and this deploy creates it first ({@link GuardedDeploy}). */
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
                request.release().helmRelease(), request.release().namespace(), request.values(), request.timeout()), HELM_CALLS);
        Optional<RolloutOutcome.Failed> failed = rollout.failureWhile(() -> !upgrade.isDone(),
                new Timeout("rollout", request.timeout(), "helm.timeout").plus(Duration.ofSeconds(30), "30 s for Helm to return after it")
                        .polledEvery(request.failFastAfter().dividedBy(4))); // a lasting problem is seen within a quarter of its grace
        if (failed.isPresent()) {
            throw new DeployFailed(diagnose(failed.get().headline(), request.image(), registry,
                    Optional.of(Duration.ofNanos(System.nanoTime() - start))));
        }
        try {
            Release release = upgrade.join();
            return new Deployed(release, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            HelmFailure.Verdict verdict = HelmFailure.classify(oneLine(cause.getMessage()), request.release().namespace(),
                    request.chart());
            String reason = "helm upgrade --install " + request.release().helmRelease() + " failed after "
                    + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s: " + verdict.reason() + leftBehind(request.release());
            if (verdict.environment()) {
                throw new DeployBlocked(reason);
            }
            throw new DeployFailed(reason + "; pods: " + oneLine(PodStates.describe(rollout.pods())));
        }
    }

    /** What a failed upgrade left in the cluster, from {@code helm history}, and how to go back. */
    private String leftBehind(ReleaseRef release) {
        try {
            List<ReleaseHistory> history = helm.history(release.helmRelease(), release.namespace());
            if (history.isEmpty()) {
                return "; Helm recorded no revision, so nothing of this deploy is left";
            }
            ReleaseHistory last = history.get(history.size() - 1);
            if ("deployed".equals(last.getStatus())) {
                return "; nothing of this deploy was applied: revision " + last.getRevision() + " is still the deployed one";
            }
            Optional<ReleaseHistory> deployed = history.stream().filter(h -> "deployed".equals(h.getStatus())
                    || "superseded".equals(h.getStatus())).reduce((a, b) -> b);
            return "; Helm left revision " + last.getRevision() + " " + last.getStatus()
                    + deployed.filter(d -> d.getRevision() != last.getRevision())
                    .map(d -> ", revision " + d.getRevision() + " is the last good one: roll back with -Drollback=true, or helm rollback "
                            + release.helmRelease() + " " + d.getRevision() + " -n " + release.namespace()).orElse("");
        } catch (RuntimeException e) {
            return "; what Helm left could not be read (" + oneLine(e.getMessage()) + ")";
        }
    }

    /** The cluster could not take the deploy for reasons of its own (permissions, missing CRDs): INCONCLUSIVE, with the fix. */
    public static final class DeployBlocked extends Inconclusive {
        public DeployBlocked(String message) {
            super(message);
        }
    }

    /**
     * A rollout problem as the verdict's reason: Kubernetes' words, how long into the deploy (when there is one),
     * and for an image that cannot be pulled, what the registry says of its tag — missing, or there and so a
     * matter of the cluster's pull access.
     */
    public static String diagnose(RolloutProblem problem, ImageReference image, RegistryClient registry, Optional<Duration> intoDeploy) {
        String head = problem.line() + intoDeploy.map(d -> ", failed fast " + d.toSeconds() + " s into the deploy").orElse("");
        if (!problem.imagePull()) {
            return head;
        }
        RegistryClient.Resolution r = registry.resolve(image);
        return head + "; " + (r.found()
                ? "the tag exists in the registry (" + r.digest() + "), so the cluster cannot pull it: check imagePullSecrets and GHCR pull access"
                : r.message());
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
