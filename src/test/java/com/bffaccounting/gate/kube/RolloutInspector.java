package com.bffaccounting.gate.kube;

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

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Watches a Deployment's rollout the way {@code kubectl rollout status} does, but fails fast: a pod
 * stuck in ErrImagePull, ImagePullBackOff, CrashLoopBackOff or CreateContainerConfigError ends the
 * wait after a short grace instead of after the whole timeout.
 */
public final class RolloutInspector {
    private static final Duration POLL = Duration.ofMillis(250);

    private final KubeClient kube;
    private final String namespace;
    private final String deploymentName;
    private final Clock clock;

    public RolloutInspector(KubeClient kube, String namespace, String deploymentName, Clock clock) {
        this.kube = kube;
        this.namespace = namespace;
        this.deploymentName = deploymentName;
        this.clock = clock;
    }

    public sealed interface Outcome permits Ready, Stuck, TimedOut, Missing {
    }

    /** Every pod ready, none restarted. */
    public record Ready(List<Pod> pods, Duration waited) implements Outcome {
    }

    /** A pod in a terminal state; {@code detectedAfter} is how long after it was first seen the wait ended. */
    public record Stuck(PodStates.Stuck stuck, Duration detectedAfter, List<Pod> pods) implements Outcome {
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
    public Outcome awaitPodsReady(Duration timeout, Duration grace, BooleanSupplier stop) {
        Instant start = clock.instant();
        Map<String, Instant> firstSeenStuck = new LinkedHashMap<>();
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        AtomicReference<List<Pod>> lastPods = new AtomicReference<>(List.of());
        AtomicReference<String> lastState = new AtomicReference<>("no pod observed yet");
        try {
            Awaitility.await("pods of deployment/" + deploymentName + " to be ready")
                    .atMost(timeout.plusMillis(1))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .until(() -> {
                        outcome.set(evaluate(start, grace, firstSeenStuck, lastPods, lastState));
                        return outcome.get() != null || stop.getAsBoolean();
                    });
        } catch (ConditionTimeoutException e) {
            // reported below with the last state that was observed
        }
        if (outcome.get() != null) {
            return outcome.get();
        }
        return new TimedOut(Duration.between(start, clock.instant()), lastPods.get(), lastState.get());
    }

    private Outcome evaluate(Instant start, Duration grace, Map<String, Instant> firstSeenStuck,
                             AtomicReference<List<Pod>> lastPods, AtomicReference<String> lastState) {
        Optional<Deployment> deployment = deployment();
        if (deployment.isEmpty()) {
            return new Missing("deployment/" + deploymentName + " does not exist in namespace " + namespace);
        }
        List<Pod> pods = kube.podsOf(namespace, deployment.get());
        lastPods.set(pods);
        Instant now = clock.instant();
        Optional<Stuck> stuck = stuckLongerThan(grace, pods, now, firstSeenStuck);
        if (stuck.isPresent()) {
            return stuck.get();
        }
        int desired = Optional.ofNullable(deployment.get().getSpec().getReplicas()).orElse(1);
        Optional<String> incomplete = rolloutComplete(deployment.get());
        lastState.set(incomplete.orElse(pods.stream().filter(p -> !PodStates.ready(p)).count() + " pod(s) not ready"));
        if (pods.size() >= desired && pods.stream().allMatch(PodStates::ready) && incomplete.isEmpty()) {
            return new Ready(pods, Duration.between(start, now));
        }
        return null;
    }

    /**
     * While {@code running} (Helm is still waiting), watches for a pod stuck longer than {@code grace};
     * returns it at once, or empty when {@code running} turns false or {@code limit} passes.
     */
    public Optional<Stuck> stuckWhile(BooleanSupplier running, Duration grace, Duration limit) {
        return watchForStuck(pods -> running.getAsBoolean(), grace, limit);
    }

    /**
     * A verify-only look: a pod stuck longer than {@code grace}, watched for at most {@code limit}, and not
     * at all once every pod is ready — a ready pod is waiting for no image, and no pod can get stuck then.
     */
    public Optional<Stuck> stuckNow(Duration grace, Duration limit) {
        return watchForStuck(pods -> !pods.stream().allMatch(PodStates::ready), grace, limit);
    }

    private Optional<Stuck> watchForStuck(Predicate<List<Pod>> keepWatching, Duration grace, Duration limit) {
        Map<String, Instant> firstSeenStuck = new LinkedHashMap<>();
        AtomicReference<Stuck> found = new AtomicReference<>();
        try {
            Awaitility.await("a pod of deployment/" + deploymentName + " stuck")
                    .atMost(limit.plusMillis(1))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .until(() -> {
                        List<Pod> pods = pods();
                        Optional<Stuck> stuck = stuckLongerThan(grace, pods, clock.instant(), firstSeenStuck);
                        stuck.ifPresent(found::set);
                        return stuck.isPresent() || !keepWatching.test(pods);
                    });
        } catch (ConditionTimeoutException e) {
            // the caller's own timeout (Helm's) decides what a slow rollout means
        }
        return Optional.ofNullable(found.get());
    }

    /**
     * The first pod that has been in a terminal waiting state for at least {@code grace}, counting from
     * when it was first seen so (kept in {@code firstSeenStuck} across polls).
     */
    private static Optional<Stuck> stuckLongerThan(Duration grace, List<Pod> pods, Instant now, Map<String, Instant> firstSeenStuck) {
        for (Pod pod : pods) {
            Optional<PodStates.Stuck> stuck = PodStates.stuck(pod);
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
