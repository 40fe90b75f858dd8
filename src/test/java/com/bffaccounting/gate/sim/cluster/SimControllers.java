package com.bffaccounting.gate.sim.cluster;

import com.bffaccounting.gate.kube.Pods;
import com.bffaccounting.gate.io.Sha256;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Clock;
import java.time.Duration;
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
 * ReplicaSet controller (pods, refused as admission says), and what Helm's {@code --wait} waits for besides
 * (StatefulSets, DaemonSets, PersistentVolumeClaims). Pods get their status from the {@link SimKubelet}.
 * When a rollout completes, the BFF behind the simulated pods is reconfigured from the new pod template's
 * environment.
 */
final class SimControllers {
    /** The progress deadline of the progress-deadline fault, compressed (a real Deployment's default is 600 s). */
    private static final Duration SIM_PROGRESS_DEADLINE = Duration.ofSeconds(1);

    private final KubernetesClient client;
    private final Clock clock;
    private final SimKubelet kubelet;
    private final SimReplicaSets replicaSets;
    private final Consumer<List<EnvVar>> onRolloutComplete;
    private final Map<String, String> completedTemplate = new ConcurrentHashMap<>();
    /** Whether the last pass saw a pod whose status changes with time alone (starting, backing off, crash-looping). */
    private volatile boolean awaitingTime;

    SimControllers(KubernetesClient client, Clock clock, Function<String, PodFate> fateOfImage,
                   Consumer<List<EnvVar>> onRolloutComplete) {
        this.client = client;
        this.clock = clock;
        SimEvents events = new SimEvents(client, clock);
        this.kubelet = new SimKubelet(clock, fateOfImage, events);
        this.replicaSets = new SimReplicaSets(client, clock, kubelet, events);
        this.onRolloutComplete = onRolloutComplete;
    }

    /** What a crashing pod's container last wrote (the kubelet knows). */
    Optional<List<String>> lastWordsOf(String namespace, String pod) {
        return kubelet.lastWordsOf(namespace, pod);
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
        replicaSets.admission(admission);
    }

    /** Whether a pass would change something now that nothing was written since the last one: a pod's status depends on its age. */
    boolean awaitingTime() {
        return awaitingTime;
    }

    /** After a pass: whether anything in it changes with time alone, the controllers' own waits and the kubelet's. */
    private void noteKubeletWaits() {
        awaitingTime |= kubelet.tookAwaitingTime();
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
        PodFate templateFate = kubelet.fateOf(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        SimReplicaSets.Pass pass = replicaSets.reconcile(deployment, hash, rsName, replicas);
        noteKubeletWaits();
        boolean deadlinePassed = templateFate.kind() == PodFate.Kind.PROGRESS_DEADLINE_PASSES && pass.age().compareTo(SIM_PROGRESS_DEADLINE) >= 0;
        awaitingTime |= templateFate.kind() == PodFate.Kind.PROGRESS_DEADLINE_PASSES && !deadlinePassed;
        List<Pod> newPods = pass.pods();
        int newReady = pass.ready();
        String createFailure = pass.createFailure();
        List<Pod> oldPods = replicaSets.oldPods(deployment, hash);
        boolean complete = newReady >= replicas;
        if (complete) {
            oldPods.forEach(p -> client.pods().inNamespace(ns).withName(p.getMetadata().getName()).delete());
            replicaSets.scaleDownOld(deployment, rsName);
            String key = ns + "/" + deployment.getMetadata().getName();
            if (!hash.equals(completedTemplate.put(key, hash))) {
                onRolloutComplete.accept(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv());
            }
            oldPods = List.of();
        }
        int oldReady = (int) oldPods.stream().filter(Pods::ready).count();
        replicaSets.writeStatus(ns, pass);

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

    static String templateHash(PodTemplateSpec template) {
        return Sha256.hex(Serialization.asJson(template)).substring(0, 10);
    }
}
