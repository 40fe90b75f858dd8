package com.bffaccounting.gate.sim.cluster;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The simulated node's kubelet (and the scheduler's say): a pod's status from its {@link PodFate} and age —
 * ready, pulling an image that is not there, crash-looping (with its last words for {@code logs --previous}),
 * OOM-killed, never ready, unschedulable, evicted, or ready late — with the events a real one writes. It
 * writes nothing itself but events: {@link SimControllers} stores the status it gives.
 */
final class SimKubelet {
    /** How long an evicted pod ran before the node evicted it. */
    private static final Duration EVICTED_AFTER = Duration.ofMillis(300);

    private final Clock clock;
    private final Function<String, PodFate> fateOfImage;
    private final SimEvents events;
    private final Map<String, Instant> podCreated = new ConcurrentHashMap<>();
    /** What each crashing pod's container wrote before it died, for {@code kubectl logs --previous}. */
    private final Map<String, List<String>> lastWords = new ConcurrentHashMap<>();
    /** Whether the last status given was of a pod whose status changes with time alone (starting, backing off, crash-looping). */
    private volatile boolean awaitingTime;

    SimKubelet(Clock clock, Function<String, PodFate> fateOfImage, SimEvents events) {
        this.clock = clock;
        this.fateOfImage = fateOfImage;
        this.events = events;
    }

    /** The fate of a pod of this image. */
    PodFate fateOf(String image) {
        return fateOfImage.apply(image);
    }

    /** A pod the ReplicaSet controller has just created: its age counts from now. */
    void created(Pod pod) {
        podCreated.put(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName(), clock.instant());
    }

    /** Since the last call, whether a status given depends on time alone; the flag is cleared. */
    boolean tookAwaitingTime() {
        boolean was = awaitingTime;
        awaitingTime = false;
        return was;
    }

    /** The kubelet's view (and the scheduler's): status from the pod's fate and age, with the events a real one writes. */
    Pod withStatus(Pod pod) {
        String image = pod.getSpec().getContainers().get(0).getImage();
        PodFate fate = fateOfImage.apply(image);
        String key = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
        Instant created = podCreated.getOrDefault(key, clock.instant());
        Duration age = Duration.between(created, clock.instant());
        String container = pod.getSpec().getContainers().get(0).getName();
        PodStatusBuilder status = new PodStatusBuilder()
                .withPodIP("10.0.0." + (1 + Math.abs(pod.getMetadata().getName().hashCode()) % 250));
        boolean ready = false;
        boolean scheduled = true;
        switch (fate.kind()) {
            case IMAGE_PULL_FAILS -> {
                String reason = age.toMillis() < 500 ? "ErrImagePull" : "ImagePullBackOff";
                status.withPhase("Pending").withContainerStatuses(waiting(container, image, reason, "Back-off pulling image \"" + image + "\""));
                awaitingTime |= age.toMillis() < 500;
                events.warn(pod, "Failed", "Failed to pull image \"" + image + "\": " + fate.message(), "kubelet");
            }
            case CRASH_LOOPS, OOM_KILLED -> {
                boolean oom = fate.kind() == PodFate.Kind.OOM_KILLED;
                status.withPhase("Running").withContainerStatuses(crashLooping(container, image, age, oom, fate.message()));
                lastWords.put(key, oom ? List.of("<--- Last few GCs --->", "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory")
                        : fate.lastLog());
                awaitingTime = true; // the restart count grows
                events.warn(pod, "BackOff", "Back-off restarting failed container " + container + " in pod " + pod.getMetadata().getName(), "kubelet");
            }
            case INIT_CRASH_LOOPS -> {
                List<io.fabric8.kubernetes.api.model.Container> inits = pod.getSpec().getInitContainers();
                String init = inits == null || inits.isEmpty() ? "init" : inits.get(0).getName();
                status.withPhase("Pending")
                        .withInitContainerStatuses(crashLooping(init, image, age, false, fate.message()))
                        .withContainerStatuses(waiting(container, image, "PodInitializing", null));
                lastWords.put(key, fate.lastLog());
                awaitingTime = true;
                events.warn(pod, "BackOff", "Back-off restarting failed container " + init + " in pod " + pod.getMetadata().getName(), "kubelet");
            }
            case NEVER_READY -> {
                status.withPhase("Running").withContainerStatuses(running(container, image, created, false));
                events.warn(pod, "Unhealthy", "Readiness probe failed: " + fate.message(), "kubelet");
            }
            case UNSCHEDULABLE -> {
                scheduled = false;
                status.withPhase("Pending");
                events.warn(pod, "FailedScheduling", fate.message(), "default-scheduler");
            }
            case EVICTED -> {
                if (age.compareTo(EVICTED_AFTER) < 0) {
                    awaitingTime = true;
                    status.withPhase("Running").withContainerStatuses(running(container, image, created, false));
                } else {
                    status.withPhase("Failed").withReason("Evicted").withMessage(fate.message())
                            .withContainerStatuses(new ContainerStatusBuilder().withName(container).withImage(image).withReady(false)
                                    .withRestartCount(0).withState(new ContainerStateBuilder().withNewTerminated().withExitCode(137)
                                            .withReason("Error").endTerminated().build()).build());
                    events.warn(pod, "Evicted", fate.message(), "kubelet");
                }
            }
            case PROGRESS_DEADLINE_PASSES -> status.withPhase("Pending")
                    .withContainerStatuses(waiting(container, image, "ContainerCreating", null));
            case READY_INSIDE_PROBE_BUDGET -> {
                ready = age.compareTo(insideProbeBudget(pod)) >= 0;
                awaitingTime |= !ready;
                status.withPhase("Running").withContainerStatuses(running(container, image, created, ready));
            }
            default -> {
                // a slow rollout is a slow start (a big image pulling): the container runs, and is ready, once it is there
                ready = age.compareTo(fate.readyAfter()) >= 0;
                awaitingTime |= !ready;
                if (ready) {
                    status.withPhase("Running").withContainerStatuses(running(container, image, created, true));
                } else {
                    status.withPhase("Pending").withContainerStatuses(waiting(container, image, "ContainerCreating", null));
                    if (fate.readyAfter().compareTo(Duration.ofSeconds(1)) > 0) {
                        events.write(pod, "Pulling", "Pulling image \"" + image + "\"", "kubelet", "Normal");
                    }
                }
            }
        }
        List<PodCondition> conditions = new java.util.ArrayList<>();
        conditions.add(scheduled ? condition("PodScheduled", "True", null, null)
                : condition("PodScheduled", "False", "Unschedulable", fate.message()));
        if (scheduled) {
            boolean initialized = fate.kind() != PodFate.Kind.INIT_CRASH_LOOPS;
            conditions.add(initialized ? condition("Initialized", "True", null, null)
                    : condition("Initialized", "False", "ContainersNotInitialized", "containers with incomplete status: [" + status.buildInitContainerStatuses().get(0).getName() + "]"));
            conditions.add(ready ? condition("Ready", "True", null, null) : condition("Ready", "False", "ContainersNotReady", null));
            conditions.add(ready ? condition("ContainersReady", "True", null, null) : condition("ContainersReady", "False", "ContainersNotReady", null));
        }
        if (fate.kind() == PodFate.Kind.EVICTED && age.compareTo(EVICTED_AFTER) >= 0) {
            conditions.add(condition("DisruptionTarget", "True", "TerminationByKubelet", fate.message()));
        }
        return new PodBuilder(pod).withStatus(status.withConditions(conditions).build()).build();
    }

    /** Ready a quarter before its readiness probe's budget (initialDelaySeconds + failureThreshold × periodSeconds) runs out. */
    private static Duration insideProbeBudget(Pod pod) {
        io.fabric8.kubernetes.api.model.Probe probe = pod.getSpec().getContainers().get(0).getReadinessProbe();
        if (probe == null) {
            return Duration.ZERO;
        }
        long delay = probe.getInitialDelaySeconds() == null ? 0 : probe.getInitialDelaySeconds();
        long threshold = probe.getFailureThreshold() == null ? 3 : probe.getFailureThreshold();
        long period = probe.getPeriodSeconds() == null ? 10 : probe.getPeriodSeconds();
        return Duration.ofSeconds(delay + threshold * period).multipliedBy(3).dividedBy(4);
    }

    private static PodCondition condition(String type, String status, String reason, String message) {
        return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message).build();
    }

    private static ContainerStatus waiting(String container, String image, String reason, String message) {
        return new ContainerStatusBuilder().withName(container).withImage(image).withReady(false).withRestartCount(0)
                .withState(new ContainerStateBuilder().withNewWaiting().withReason(reason).withMessage(message).endWaiting().build())
                .build();
    }

    private static ContainerStatus running(String container, String image, Instant started, boolean ready) {
        return new ContainerStatusBuilder().withName(container).withImage(image).withReady(ready).withRestartCount(0)
                .withStarted(true)
                .withState(new ContainerStateBuilder().withNewRunning().withStartedAt(started.toString()).endRunning().build())
                .build();
    }

    private static ContainerStatus crashLooping(String container, String image, Duration age, boolean oom, String message) {
        return new ContainerStatusBuilder().withName(container).withImage(image).withReady(false)
                .withRestartCount(3 + (int) age.toSeconds())
                .withState(new ContainerStateBuilder().withNewWaiting().withReason("CrashLoopBackOff")
                        .withMessage(message + " " + container).endWaiting().build())
                .withLastState(new ContainerStateBuilder().withNewTerminated().withExitCode(oom ? 137 : 1)
                        .withReason(oom ? "OOMKilled" : "Error").endTerminated().build())
                .build();
    }

    /** What a crashing pod's container last wrote, when it is one. */
    Optional<List<String>> lastWordsOf(String namespace, String pod) {
        return Optional.ofNullable(lastWords.get(namespace + "/" + pod));
    }

}
