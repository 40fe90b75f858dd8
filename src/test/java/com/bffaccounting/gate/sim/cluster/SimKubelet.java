package com.bffaccounting.gate.sim.cluster;

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
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
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

    private final KubernetesClient client;
    private final Clock clock;
    private final Function<String, PodFate> fateOfImage;
    private final Consumer<List<EnvVar>> onRolloutComplete;
    private final Map<String, Instant> podCreated = new ConcurrentHashMap<>();
    private final Map<String, String> completedTemplate = new ConcurrentHashMap<>();
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
            current = client.apps().replicaSets().inNamespace(ns).resource(newReplicaSet(deployment, rsName, hash, replicas)).create();
        }
        List<Pod> newPods = podsWithHash(ns, deployment, hash);
        for (int i = newPods.size(); i < replicas; i++) {
            Pod pod = newPod(deployment, current, hash, i);
            client.pods().inNamespace(ns).resource(pod).create();
            podCreated.put(ns + "/" + pod.getMetadata().getName(), clock.instant());
        }
        newPods = podsWithHash(ns, deployment, hash);
        int newReady = 0;
        for (Pod pod : newPods) {
            Pod updated = withStatus(pod);
            if (!Objects.equals(Serialization.asJson(updated.getStatus()), Serialization.asJson(pod.getStatus()))) {
                client.pods().inNamespace(ns).resource(updated).updateStatus();
            }
            if (isReady(updated)) {
                newReady++;
            }
        }
        List<Pod> oldPods = client.pods().inNamespace(ns).withLabels(deployment.getSpec().getSelector().getMatchLabels())
                .list().getItems().stream().filter(p -> !hash.equals(p.getMetadata().getLabels().get(HASH_LABEL))).toList();
        boolean complete = newReady >= replicas;
        if (complete) {
            oldPods.forEach(p -> client.pods().inNamespace(ns).withName(p.getMetadata().getName()).delete());
            String key = ns + "/" + deployment.getMetadata().getName();
            if (!hash.equals(completedTemplate.put(key, hash))) {
                onRolloutComplete.accept(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv());
            }
            oldPods = List.of();
        }
        int oldReady = (int) oldPods.stream().filter(SimKubelet::isReady).count();
        ReplicaSet rs = client.apps().replicaSets().inNamespace(ns).withName(rsName).get();
        ReplicaSetStatus rsStatus = new ReplicaSetStatusBuilder().withReplicas(newPods.size()).withReadyReplicas(newReady)
                .withAvailableReplicas(newReady).withFullyLabeledReplicas(newPods.size())
                .withObservedGeneration(rs.getMetadata().getGeneration()).build();
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
                .withObservedGeneration(latest.getMetadata().getGeneration())
                .withReplicas(newPods.size() + oldPods.size())
                .withUpdatedReplicas(newPods.size())
                .withReadyReplicas(ready)
                .withAvailableReplicas(ready)
                .withUnavailableReplicas(Math.max(0, replicas - ready))
                .withConditions(
                        unlessUnchanged(latest, new DeploymentConditionBuilder().withType("Available").withStatus(ready >= replicas ? "True" : "False")
                                .withReason(ready >= replicas ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable")
                                .withLastUpdateTime(now).withLastTransitionTime(now).build()),
                        unlessUnchanged(latest, new DeploymentConditionBuilder().withType("Progressing").withStatus("True")
                                .withReason(complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated")
                                .withMessage("ReplicaSet \"" + rsName + "\" " + (complete ? "has successfully progressed." : "is progressing."))
                                .withLastUpdateTime(now).withLastTransitionTime(now).build()))
                .build();
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

    private static ReplicaSet newReplicaSet(Deployment deployment, String name, String hash, int replicas) {
        PodTemplateSpec template = Serialization.clone(deployment.getSpec().getTemplate());
        template.getMetadata().getLabels().put(HASH_LABEL, hash);
        Map<String, String> selector = new LinkedHashMap<>(deployment.getSpec().getSelector().getMatchLabels());
        selector.put(HASH_LABEL, hash);
        return new ReplicaSetBuilder()
                .withNewMetadata().withName(name).withNamespace(deployment.getMetadata().getNamespace())
                .withLabels(template.getMetadata().getLabels()).withOwnerReferences(ownerOf(deployment.getApiVersion(),
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

    /** The kubelet's view: status from the pod's fate and age. */
    private Pod withStatus(Pod pod) {
        String image = pod.getSpec().getContainers().get(0).getImage();
        PodFate fate = fateOfImage.apply(image);
        Instant created = podCreated.getOrDefault(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName(), clock.instant());
        Duration age = Duration.between(created, clock.instant());
        String container = pod.getSpec().getContainers().get(0).getName();
        ContainerStatus status;
        String phase;
        boolean ready = false;
        switch (fate.kind()) {
            case IMAGE_PULL_FAILS: {
                String reason = age.toMillis() < 500 ? "ErrImagePull" : "ImagePullBackOff";
                status = new ContainerStatusBuilder().withName(container).withImage(image).withReady(false).withRestartCount(0)
                        .withState(new ContainerStateBuilder().withNewWaiting().withReason(reason)
                                .withMessage("Back-off pulling image \"" + image + "\": " + fate.message()).endWaiting().build())
                        .build();
                phase = "Pending";
                awaitingTime |= age.toMillis() < 500;
                event(pod, "Failed", "Failed to pull image \"" + image + "\": " + fate.message());
                break;
            }
            case CRASH_LOOPS:
                status = new ContainerStatusBuilder().withName(container).withImage(image).withReady(false)
                        .withRestartCount(3 + (int) age.toSeconds())
                        .withState(new ContainerStateBuilder().withNewWaiting().withReason("CrashLoopBackOff")
                                .withMessage(fate.message()).endWaiting().build())
                        .withLastState(new ContainerStateBuilder().withNewTerminated().withExitCode(1).withReason("Error").endTerminated().build())
                        .build();
                phase = "Running";
                awaitingTime = true; // the restart count grows
                event(pod, "BackOff", fate.message());
                break;
            default:
                ready = age.compareTo(fate.readyAfter()) >= 0;
                awaitingTime |= !ready;
                status = new ContainerStatusBuilder().withName(container).withImage(image).withReady(ready).withRestartCount(0)
                        .withStarted(true)
                        .withState(new ContainerStateBuilder().withNewRunning().withStartedAt(created.toString()).endRunning().build())
                        .build();
                phase = "Running";
        }
        PodCondition readyCondition = new PodConditionBuilder().withType("Ready").withStatus(ready ? "True" : "False").build();
        return new PodBuilder(pod).withStatus(new PodStatusBuilder().withPhase(phase).withPodIP("10.0.0." + (1 + Math.abs(pod.getMetadata().getName().hashCode()) % 250))
                .withConditions(readyCondition, new PodConditionBuilder().withType("ContainersReady").withStatus(ready ? "True" : "False").build())
                .withContainerStatuses(status).build()).build();
    }

    private final Map<String, Boolean> eventsSent = new ConcurrentHashMap<>();

    private void event(Pod pod, String reason, String message) {
        String key = pod.getMetadata().getName() + "/" + reason;
        if (eventsSent.putIfAbsent(key, true) != null) {
            return;
        }
        client.v1().events().inNamespace(pod.getMetadata().getNamespace()).resource(new EventBuilder()
                .withNewMetadata().withName(pod.getMetadata().getName() + "." + reason.toLowerCase()).endMetadata()
                .withType("Warning").withReason(reason).withMessage(message)
                .withInvolvedObject(new ObjectReferenceBuilder().withKind("Pod").withName(pod.getMetadata().getName())
                        .withNamespace(pod.getMetadata().getNamespace()).build())
                .withLastTimestamp(clock.instant().toString()).build()).create();
    }

    private static boolean isReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
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
