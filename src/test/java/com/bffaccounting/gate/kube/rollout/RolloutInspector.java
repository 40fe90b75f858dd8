package com.bffaccounting.gate.kube.rollout;

import com.bffaccounting.gate.kube.KubeClient;

import com.bffaccounting.gate.model.ReleaseRef;
import com.bffaccounting.gate.waits.Timeout;
import com.bffaccounting.gate.waits.Wait;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Watches a Deployment's rollout the way {@code kubectl rollout status} does, but fails fast: a pod
 * stuck in ErrImagePull, ImagePullBackOff, CrashLoopBackOff or CreateContainerConfigError ends the
 * wait after a short grace instead of after the whole timeout.
 */
public final class RolloutInspector {
    private final KubeClient kube;
    private final String namespace;
    private final String deploymentName;
    private final Clock clock;

    public RolloutInspector(KubeClient kube, ReleaseRef release, Clock clock) {
        this.kube = kube;
        this.namespace = release.namespace();
        this.deploymentName = release.deployment();
        this.clock = clock;
    }

    public sealed interface Outcome permits Ready, Stuck, TimedOut, Missing {
    }

    /** Every pod ready, none restarted. */
    public record Ready(List<Pod> pods, Duration waited) implements Outcome {
    }

    /** A pod in a terminal state; {@code detectedAfter} is how long after it was first seen the wait ended. */
    public record Stuck(PodStates.TerminalWait waiting, Duration detectedAfter, List<Pod> pods) implements Outcome {
    }

    public record TimedOut(Duration waited, List<Pod> pods, String state) implements Outcome {
    }

    public record Missing(String what) implements Outcome {
    }

    public Optional<Deployment> deployment() {
        return kube.deployment(namespace, deploymentName);
    }

    public List<Pod> pods() {
        return deployment().map(d -> kube.podsOf(namespace, d)).orElse(List.of());
    }

    /**
     * Polls until every pod of the deployment is ready with no restarts, a pod is stuck for longer than
     * {@code grace}, or {@code timeout} passes. {@code stop} ends it early (e.g. Helm returned).
     */
    public Outcome awaitPodsReady(Timeout timeout, Duration grace, BooleanSupplier stop) {
        Instant start = clock.instant();
        Map<String, Instant> firstSeenStuck = new LinkedHashMap<>();
        Wait.Outcome<Look> waited = Wait.until("pods of deployment/" + deploymentName + " to be ready", () -> look(start, grace, firstSeenStuck))
                .within(timeout)
                // a stuck pod or a missing Deployment will not come right by waiting
                .stoppingEarlyWhen(look -> look.outcome() instanceof Stuck || look.outcome() instanceof Missing || stop.getAsBoolean())
                .describedBy(Look::state)
                .poll(look -> look.outcome() instanceof Ready);
        Look last = waited.last();
        if (last != null && last.outcome() != null) {
            return last.outcome();
        }
        return new TimedOut(Duration.between(start, clock.instant()), last == null ? List.of() : last.pods(),
                last == null ? "no pod observed yet" : last.state());
    }

    /** One look at the rollout: its outcome when it has one, the pods, and the state in words. */
    private record Look(Outcome outcome, List<Pod> pods, String state) {
    }

    private Look look(Instant start, Duration grace, Map<String, Instant> firstSeenStuck) {
        Optional<Deployment> deployment = deployment();
        if (deployment.isEmpty()) {
            String missing = "deployment/" + deploymentName + " does not exist in namespace " + namespace;
            return new Look(new Missing(missing), List.of(), missing);
        }
        List<Pod> pods = kube.podsOf(namespace, deployment.get());
        Instant now = clock.instant();
        Optional<Stuck> stuck = stuckLongerThan(grace, pods, now, firstSeenStuck);
        if (stuck.isPresent()) {
            return new Look(stuck.get(), pods, "pod " + stuck.get().waiting().pod() + " " + stuck.get().waiting().reason());
        }
        int desired = Optional.ofNullable(deployment.get().getSpec().getReplicas()).orElse(1);
        Optional<String> incomplete = rolloutComplete(deployment.get());
        String state = incomplete.orElse(pods.stream().filter(p -> !PodStates.ready(p)).count() + " pod(s) not ready");
        if (pods.size() >= desired && pods.stream().allMatch(PodStates::ready) && incomplete.isEmpty()) {
            return new Look(new Ready(pods, Duration.between(start, now)), pods, "ready");
        }
        return new Look(null, pods, state);
    }

    /**
     * While {@code running} (Helm is still waiting), watches for a pod stuck longer than {@code grace};
     * returns it at once, or empty when {@code running} turns false or {@code limit} passes.
     */
    public Optional<Stuck> stuckWhile(BooleanSupplier running, Duration grace, Timeout limit) {
        return watchForStuck(pods -> running.getAsBoolean(), grace, limit);
    }

    /**
     * A verify-only look: a pod stuck longer than {@code grace}, watched for at most {@code limit}, and not
     * at all once every pod is ready — a ready pod is waiting for no image, and no pod can get stuck then.
     */
    public Optional<Stuck> stuckNow(Duration grace, Timeout limit) {
        return watchForStuck(pods -> !pods.stream().allMatch(PodStates::ready), grace, limit);
    }

    private Optional<Stuck> watchForStuck(Predicate<List<Pod>> keepWatching, Duration grace, Timeout limit) {
        Map<String, Instant> firstSeenStuck = new LinkedHashMap<>();
        AtomicReference<Stuck> found = new AtomicReference<>();
        // running out is no finding: the caller's own timeout (Helm's) decides what a slow rollout means
        Wait.until("a pod of deployment/" + deploymentName + " stuck", this::pods)
                .within(limit)
                .stoppingEarlyWhen(pods -> {
                    stuckLongerThan(grace, pods, clock.instant(), firstSeenStuck).ifPresent(found::set);
                    return found.get() != null;
                })
                .describedBy(PodStates::describe)
                .poll(pods -> !keepWatching.test(pods));
        return Optional.ofNullable(found.get());
    }

    /**
     * The first pod that has been in a terminal waiting state for at least {@code grace}, counting from
     * when it was first seen so (kept in {@code firstSeenStuck} across polls).
     */
    private static Optional<Stuck> stuckLongerThan(Duration grace, List<Pod> pods, Instant now, Map<String, Instant> firstSeenStuck) {
        for (Pod pod : pods) {
            Optional<PodStates.TerminalWait> stuck = PodStates.terminalWait(pod);
            if (stuck.isPresent()) {
                Instant seen = firstSeenStuck.computeIfAbsent(pod.getMetadata().getName(), k -> now);
                if (Duration.between(seen, now).compareTo(grace) >= 0) {
                    return Optional.of(new Stuck(stuck.get(), Duration.between(seen, now), pods));
                }
            }
        }
        return Optional.empty();
    }

    /** C6.2: empty when all replicas are updated and available; otherwise what is missing. */
    public static Optional<String> rolloutComplete(Deployment deployment) {
        int desired = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        DeploymentStatus status = deployment.getStatus();
        if (status == null) {
            return Optional.of("deployment/" + deployment.getMetadata().getName() + " has no status yet");
        }
        long observed = Optional.ofNullable(status.getObservedGeneration()).orElse(0L);
        long generation = Optional.ofNullable(deployment.getMetadata().getGeneration()).orElse(0L);
        int updated = Optional.ofNullable(status.getUpdatedReplicas()).orElse(0);
        int available = Optional.ofNullable(status.getAvailableReplicas()).orElse(0);
        int total = Optional.ofNullable(status.getReplicas()).orElse(0);
        if (observed < generation) {
            return Optional.of("the controller has not observed generation " + generation + " yet (observed " + observed + ")");
        }
        if (updated < desired || available < desired || total > desired) {
            return Optional.of(String.format("%d/%d replicas updated, %d/%d available, %d in total (old pods still running: %s)",
                    updated, desired, available, desired, total, total > updated ? "yes" : "no"));
        }
        return Optional.empty();
    }
}
