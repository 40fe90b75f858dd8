package com.bffaccounting.gate.sim.cluster;

import com.bffaccounting.gate.kube.KubeClient;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The simulated cluster's controllers in one small loop: the Deployment controller (a ReplicaSet per
 * pod template, old pods removed once the new ones are ready, status with observedGeneration), the
 * ReplicaSet controller (pods) and a kubelet (pod status from the pod's {@link PodFate}: ready, pulling
 * an image that is not there, crash-looping, or ready late). When a rollout completes, the BFF behind
 * the simulated pods is reconfigured from the new pod template's environment.
 */
final class SimKubelet {
    private static final String HASH_LABEL = "pod-template-hash";
    private static final String REVISION = "deployment.kubernetes.io/revision";
    /** The progress deadline of the progress-deadline fault, compressed (a real Deployment's default is 600 s). */
    private static final Duration SIM_PROGRESS_DEADLINE = Duration.ofSeconds(1);
    /** How long an evicted pod ran before the node evicted it. */
    private static final Duration EVICTED_AFTER = Duration.ofMillis(300);

    private final KubernetesClient client;
    private final Clock clock;
    private final Function<String, PodFate> fateOfImage;
    private final Consumer<List<EnvVar>> onRolloutComplete;
    private final Map<String, Instant> podCreated = new ConcurrentHashMap<>();
    private final Map<String, Instant> rsCreated = new ConcurrentHashMap<>();
    /** What each crashing pod's container wrote before it died, for {@code kubectl logs --previous}. */
    private final Map<String, List<String>> lastWords = new ConcurrentHashMap<>();
    private final Map<String, String> completedTemplate = new ConcurrentHashMap<>();
    private volatile SimAdmission admission = SimAdmission.NONE;
    /** Whether the last pass saw a pod whose status changes with time alone (starting, backing off, crash-looping). */
    private volatile boolean awaitingTime;

    SimKubelet(KubernetesClient client, Clock clock, Function<String, PodFate> fateOfImage,
               Consumer<List<EnvVar>> onRolloutComplete) {
        this.client = client;
        this.clock = clock;
        this.fateOfImage = fateOfImage;
        this.onRolloutComplete = onRolloutComplete;
    }

    /**
     * One pass over every Deployment, and over what else Helm's {@code --wait} waits for: StatefulSets
     * and DaemonSets become ready, PersistentVolumeClaims Bound. Run it on a short schedule, and again
     * after any write to the API server or while {@link #awaitingTime()}; a pass writes only what changed.
     */
    void reconcileAll() {
        awaitingTime = false;
        for (Deployment deployment : client.apps().deployments().inAnyNamespace().list().getItems()) {
            reconcile(deployment);
        }
        for (StatefulSet set : client.apps().statefulSets().inAnyNamespace().list().getItems()) {
            reconcile(set);
        }
        for (DaemonSet set : client.apps().daemonSets().inAnyNamespace().list().getItems()) {
            reconcile(set);
        }
        for (PersistentVolumeClaim claim : client.persistentVolumeClaims().inAnyNamespace().list().getItems()) {
            if (claim.getStatus() == null || !"Bound".equals(claim.getStatus().getPhase())) {
                claim.setStatus(new PersistentVolumeClaimStatusBuilder().withPhase("Bound")
                        .withAccessModes(claim.getSpec().getAccessModes())
                        .withCapacity(claim.getSpec().getResources() == null ? null : claim.getSpec().getResources().getRequests())
                        .build());
                client.persistentVolumeClaims().inNamespace(claim.getMetadata().getNamespace()).resource(claim).updateStatus();
            }
        }
    }

    /** What the API server refuses to create (set once, before the release is seeded). */
    void admission(SimAdmission admission) {
        this.admission = admission;
    }

    /** Whether a pass would change something now that nothing was written since the last one: a pod's status depends on its age. */
    boolean awaitingTime() {
        return awaitingTime;
    }

    /** Every replica of the current revision ready, as the StatefulSet controller reports it when the pods are. */
    private void reconcile(StatefulSet set) {
        long generation = set.getMetadata().getGeneration() == null ? 1 : set.getMetadata().getGeneration();
        if (set.getStatus() != null && set.getStatus().getObservedGeneration() != null
                && set.getStatus().getObservedGeneration() == generation) {
            return;
        }
        int replicas = set.getSpec().getReplicas() == null ? 1 : set.getSpec().getReplicas();
        String revision = set.getMetadata().getName() + "-" + templateHash(set.getSpec().getTemplate());
        set.setStatus(new StatefulSetStatusBuilder().withObservedGeneration(generation).withReplicas(replicas)
                .withReadyReplicas(replicas).withCurrentReplicas(replicas).withUpdatedReplicas(replicas)
                .withAvailableReplicas(replicas).withCurrentRevision(revision).withUpdateRevision(revision).build());
        client.apps().statefulSets().inNamespace(set.getMetadata().getNamespace()).resource(set).updateStatus();
    }

    /** One node in the simulated cluster: one scheduled, ready and up-to-date daemon pod. */
    private void reconcile(DaemonSet set) {
        long generation = set.getMetadata().getGeneration() == null ? 1 : set.getMetadata().getGeneration();
        if (set.getStatus() != null && set.getStatus().getObservedGeneration() != null
                && set.getStatus().getObservedGeneration() == generation) {
            return;
        }
        set.setStatus(new DaemonSetStatusBuilder().withObservedGeneration(generation).withDesiredNumberScheduled(1)
                .withCurrentNumberScheduled(1).withNumberReady(1).withUpdatedNumberScheduled(1).withNumberAvailable(1)
                .withNumberMisscheduled(0).build());
        client.apps().daemonSets().inNamespace(set.getMetadata().getNamespace()).resource(set).updateStatus();
    }

    private void reconcile(Deployment deployment) {
        String ns = deployment.getMetadata().getNamespace();
        String hash = templateHash(deployment.getSpec().getTemplate());
        String rsName = deployment.getMetadata().getName() + "-" + hash;
        int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        ReplicaSet current = client.apps().replicaSets().inNamespace(ns).withName(rsName).get();
        if (current == null) {
            current = client.apps().replicaSets().inNamespace(ns).resource(newReplicaSet(deployment, rsName, hash, replicas,
                    nextRevision(deployment))).create();
            rsCreated.put(ns + "/" + rsName, clock.instant());
        }
        PodFate templateFate = fateOfImage.apply(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        List<Pod> newPods = podsWithHash(ns, deployment, hash);
        String createFailure = null;
        for (int i = newPods.size(); i < replicas; i++) {
            Pod pod = newPod(deployment, current, hash, i);
            Optional<String> refused = admission.refusal(pod, client.pods().inNamespace(ns).list().getItems());
            if (refused.isPresent()) {
                // the API server refuses the ReplicaSet controller's create (a ResourceQuota, PodSecurity admission)
                createFailure = "pods \"" + pod.getMetadata().getName() + "\" is forbidden: " + refused.get();
                event(current, "FailedCreate", "Error creating: " + createFailure, "replicaset-controller");
                break;
            }
            client.pods().inNamespace(ns).resource(pod).create();
            podCreated.put(ns + "/" + pod.getMetadata().getName(), clock.instant());
        }
        Duration rsAge = Duration.between(rsCreated.getOrDefault(ns + "/" + rsName, clock.instant()), clock.instant());
        boolean deadlinePassed = templateFate.kind() == PodFate.Kind.PROGRESS_DEADLINE_PASSES && rsAge.compareTo(SIM_PROGRESS_DEADLINE) >= 0;
        awaitingTime |= templateFate.kind() == PodFate.Kind.PROGRESS_DEADLINE_PASSES && !deadlinePassed;
        newPods = podsWithHash(ns, deployment, hash);
        int newReady = 0;
        for (Pod pod : newPods) {
            Pod updated = withStatus(pod);
            if (!Objects.equals(Serialization.asJson(updated.getStatus()), Serialization.asJson(pod.getStatus()))) {
                client.pods().inNamespace(ns).resource(updated).updateStatus();
            }
            if (KubeClient.ready(updated)) {
                newReady++;
            }
        }
        List<Pod> oldPods = client.pods().inNamespace(ns).withLabels(deployment.getSpec().getSelector().getMatchLabels())
                .list().getItems().stream().filter(p -> !hash.equals(p.getMetadata().getLabels().get(HASH_LABEL))).toList();
        boolean complete = newReady >= replicas;
        if (complete) {
            oldPods.forEach(p -> client.pods().inNamespace(ns).withName(p.getMetadata().getName()).delete());
            scaleDownOldReplicaSets(deployment, rsName);
            String key = ns + "/" + deployment.getMetadata().getName();
            if (!hash.equals(completedTemplate.put(key, hash))) {
                onRolloutComplete.accept(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv());
            }
            oldPods = List.of();
        }
        int oldReady = (int) oldPods.stream().filter(KubeClient::ready).count();
        ReplicaSet rs = client.apps().replicaSets().inNamespace(ns).withName(rsName).get();
        ReplicaSetStatusBuilder rsStatusBuilder = new ReplicaSetStatusBuilder().withReplicas(newPods.size()).withReadyReplicas(newReady)
                .withAvailableReplicas(newReady).withFullyLabeledReplicas(newPods.size())
                .withObservedGeneration(rs.getMetadata().getGeneration());
        if (createFailure != null) {
            rsStatusBuilder.withConditions(new ReplicaSetConditionBuilder().withType("ReplicaFailure").withStatus("True")
                    .withReason("FailedCreate").withMessage(createFailure).withLastTransitionTime(keptTime(rs)).build());
        }
        ReplicaSetStatus rsStatus = rsStatusBuilder.build();
        if (!rsStatus.equals(rs.getStatus())) {
            rs.setStatus(rsStatus);
            client.apps().replicaSets().inNamespace(ns).resource(rs).updateStatus();
        }

        Deployment latest = client.apps().deployments().inNamespace(ns).withName(deployment.getMetadata().getName()).get();
        if (latest == null) {
            return;
        }
        int ready = newReady + oldReady;
        String now = clock.instant().toString();
        DeploymentStatus status = new DeploymentStatusBuilder()
                // the generation this pass acted on: an update that landed during the pass is the next pass's
                // (a status written for it from the old template's pods once passed a broken rollout as complete)
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(newPods.size() + oldPods.size())
                .withUpdatedReplicas(newPods.size())
                .withReadyReplicas(ready)
                .withAvailableReplicas(ready)
                .withUnavailableReplicas(Math.max(0, replicas - ready))
                .withConditions(
                        unlessUnchanged(latest, new DeploymentConditionBuilder().withType("Available").withStatus(ready >= replicas ? "True" : "False")
                                .withReason(ready >= replicas ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable")
                                .withLastUpdateTime(now).withLastTransitionTime(now).build()),
                        unlessUnchanged(latest, new DeploymentConditionBuilder().withType("Progressing").withStatus(deadlinePassed ? "False" : "True")
                                .withReason(deadlinePassed ? "ProgressDeadlineExceeded" : complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated")
                                .withMessage("ReplicaSet \"" + rsName + "\" " + (deadlinePassed ? "has timed out progressing."
                                        : complete ? "has successfully progressed." : "is progressing."))
                                .withLastUpdateTime(now).withLastTransitionTime(now).build()))
                .build();
        if (createFailure != null) {
            // the Deployment controller copies its new ReplicaSet's ReplicaFailure condition
            status.getConditions().add(unlessUnchanged(latest, new DeploymentConditionBuilder().withType("ReplicaFailure").withStatus("True")
                    .withReason("FailedCreate").withMessage(createFailure).withLastUpdateTime(now).withLastTransitionTime(now).build()));
        }
        if (!status.equals(latest.getStatus())) {
            latest.setStatus(status);
            client.apps().deployments().inNamespace(ns).resource(latest).updateStatus();
        }
    }

    /** The Deployment's current condition of this type when it says the same, times and all, as the controller keeps it. */
    private static DeploymentCondition unlessUnchanged(Deployment deployment, DeploymentCondition condition) {
        List<DeploymentCondition> current = deployment.getStatus() == null ? List.of() : deployment.getStatus().getConditions();
        return current.stream().filter(c -> c.getType().equals(condition.getType()) && Objects.equals(c.getStatus(), condition.getStatus())
                        && Objects.equals(c.getReason(), condition.getReason()) && Objects.equals(c.getMessage(), condition.getMessage()))
                .findFirst().orElse(condition);
    }

    private List<Pod> podsWithHash(String ns, Deployment deployment, String hash) {
        Map<String, String> labels = new LinkedHashMap<>(deployment.getSpec().getSelector().getMatchLabels());
        labels.put(HASH_LABEL, hash);
        return client.pods().inNamespace(ns).withLabels(labels).list().getItems();
    }

    /** The controller numbers a Deployment's ReplicaSets: one more than the highest so far. */
    private long nextRevision(Deployment deployment) {
        return ownReplicaSets(deployment).stream()
                .map(rs -> rs.getMetadata().getAnnotations() == null ? null : rs.getMetadata().getAnnotations().get(REVISION))
                .filter(Objects::nonNull).mapToLong(Long::parseLong).max().orElse(0) + 1;
    }

    private List<ReplicaSet> ownReplicaSets(Deployment deployment) {
        return client.apps().replicaSets().inNamespace(deployment.getMetadata().getNamespace())
                .withLabels(deployment.getSpec().getSelector().getMatchLabels()).list().getItems();
    }

    private void scaleDownOldReplicaSets(Deployment deployment, String currentName) {
        for (ReplicaSet old : ownReplicaSets(deployment)) {
            if (!old.getMetadata().getName().equals(currentName) && old.getSpec().getReplicas() != null && old.getSpec().getReplicas() > 0) {
                old.getSpec().setReplicas(0);
                client.apps().replicaSets().inNamespace(old.getMetadata().getNamespace()).resource(old).update();
            }
        }
    }

    /** A condition's transition time stays what it was while the condition holds. */
    private String keptTime(ReplicaSet rs) {
        return rs.getStatus() == null || rs.getStatus().getConditions() == null ? clock.instant().toString()
                : rs.getStatus().getConditions().stream().filter(c -> "ReplicaFailure".equals(c.getType()))
                .map(io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition::getLastTransitionTime).findFirst()
                .orElse(clock.instant().toString());
    }

    private static ReplicaSet newReplicaSet(Deployment deployment, String name, String hash, int replicas, long revision) {
        PodTemplateSpec template = Serialization.clone(deployment.getSpec().getTemplate());
        template.getMetadata().getLabels().put(HASH_LABEL, hash);
        Map<String, String> selector = new LinkedHashMap<>(deployment.getSpec().getSelector().getMatchLabels());
        selector.put(HASH_LABEL, hash);
        return new ReplicaSetBuilder()
                .withNewMetadata().withName(name).withNamespace(deployment.getMetadata().getNamespace())
                .withLabels(template.getMetadata().getLabels()).addToAnnotations(REVISION, Long.toString(revision))
                .withOwnerReferences(ownerOf(deployment.getApiVersion(),
                        "Deployment", deployment.getMetadata().getName(), deployment.getMetadata().getUid())).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(selector).endSelector()
                .withTemplate(template).endSpec()
                .build();
    }

    private Pod newPod(Deployment deployment, ReplicaSet rs, String hash, int index) {
        PodTemplateSpec template = rs.getSpec().getTemplate();
        String name = rs.getMetadata().getName() + "-" + Integer.toString(Math.abs((hash + index + clock.millis()).hashCode()) % 100000, 36);
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(deployment.getMetadata().getNamespace())
                .withLabels(template.getMetadata().getLabels())
                .withCreationTimestamp(clock.instant().toString())
                .withOwnerReferences(ownerOf("apps/v1", "ReplicaSet", rs.getMetadata().getName(), rs.getMetadata().getUid()))
                .endMetadata()
                .withSpec(template.getSpec())
                .withStatus(new PodStatusBuilder().withPhase("Pending").build())
                .build();
    }

    /** The kubelet's view (and the scheduler's): status from the pod's fate and age, with the events a real one writes. */
    private Pod withStatus(Pod pod) {
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
                event(pod, "Failed", "Failed to pull image \"" + image + "\": " + fate.message(), "kubelet");
            }
            case CRASH_LOOPS, OOM_KILLED -> {
                boolean oom = fate.kind() == PodFate.Kind.OOM_KILLED;
                status.withPhase("Running").withContainerStatuses(crashLooping(container, image, age, oom, fate.message()));
                lastWords.put(key, oom ? List.of("<--- Last few GCs --->", "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory")
                        : fate.lastLog());
                awaitingTime = true; // the restart count grows
                event(pod, "BackOff", "Back-off restarting failed container " + container + " in pod " + pod.getMetadata().getName(), "kubelet");
            }
            case INIT_CRASH_LOOPS -> {
                List<io.fabric8.kubernetes.api.model.Container> inits = pod.getSpec().getInitContainers();
                String init = inits == null || inits.isEmpty() ? "init" : inits.get(0).getName();
                status.withPhase("Pending")
                        .withInitContainerStatuses(crashLooping(init, image, age, false, fate.message()))
                        .withContainerStatuses(waiting(container, image, "PodInitializing", null));
                lastWords.put(key, fate.lastLog());
                awaitingTime = true;
                event(pod, "BackOff", "Back-off restarting failed container " + init + " in pod " + pod.getMetadata().getName(), "kubelet");
            }
            case NEVER_READY -> {
                status.withPhase("Running").withContainerStatuses(running(container, image, created, false));
                event(pod, "Unhealthy", "Readiness probe failed: " + fate.message(), "kubelet");
            }
            case UNSCHEDULABLE -> {
                scheduled = false;
                status.withPhase("Pending");
                event(pod, "FailedScheduling", fate.message(), "default-scheduler");
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
                    event(pod, "Evicted", fate.message(), "kubelet");
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
                        event(pod, "Pulling", "Pulling image \"" + image + "\"", "kubelet", "Normal");
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

    private final Map<String, Boolean> eventsSent = new ConcurrentHashMap<>();

    /** One event per object and reason, as the component that writes it would. */
    private void event(HasMetadata object, String reason, String message, String component) {
        event(object, reason, message, component, "Warning");
    }

    private void event(HasMetadata object, String reason, String message, String component, String type) {
        String key = object.getKind() + "/" + object.getMetadata().getName() + "/" + reason;
        if (eventsSent.putIfAbsent(key, true) != null) {
            return;
        }
        client.v1().events().inNamespace(object.getMetadata().getNamespace()).resource(new EventBuilder()
                .withNewMetadata().withName(object.getMetadata().getName() + "." + reason.toLowerCase()).endMetadata()
                .withType(type).withReason(reason).withMessage(message).withNewSource().withComponent(component).endSource()
                .withInvolvedObject(new ObjectReferenceBuilder().withKind(object.getKind()).withName(object.getMetadata().getName())
                        .withNamespace(object.getMetadata().getNamespace()).build())
                .withCount(1).withLastTimestamp(clock.instant().toString()).build()).create();
    }

    private static OwnerReference ownerOf(String apiVersion, String kind, String name, String uid) {
        return new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind).withName(name).withUid(uid)
                .withController(true).withBlockOwnerDeletion(true).build();
    }

    static String templateHash(PodTemplateSpec template) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Serialization.asJson(template).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
