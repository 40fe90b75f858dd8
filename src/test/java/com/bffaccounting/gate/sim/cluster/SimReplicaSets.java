package com.bffaccounting.gate.sim.cluster;

import com.bffaccounting.gate.kube.Pods;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated ReplicaSet controller, for the Deployment controller in {@link SimControllers}: a ReplicaSet
 * per pod template (numbered with the Deployment's revision), its pods created as the API server admits them
 * ({@link SimAdmission}: a refusal is a {@code ReplicaFailure} condition and a {@code FailedCreate} event), their
 * status from the {@link SimKubelet}, and the ReplicaSet's own status.
 */
final class SimReplicaSets {
    static final String HASH_LABEL = "pod-template-hash";
    private static final String REVISION = "deployment.kubernetes.io/revision";

    private final KubernetesClient client;
    private final Clock clock;
    private final SimKubelet kubelet;
    private final SimEvents events;
    private final Map<String, Instant> created = new ConcurrentHashMap<>();
    private volatile SimAdmission admission = SimAdmission.NONE;

    SimReplicaSets(KubernetesClient client, Clock clock, SimKubelet kubelet, SimEvents events) {
        this.client = client;
        this.clock = clock;
        this.kubelet = kubelet;
        this.events = events;
    }

    /** What the API server refuses to create (set once, before the release is seeded). */
    void admission(SimAdmission admission) {
        this.admission = admission;
    }

    /**
     * One pass over the current ReplicaSet: its pods, their status, how many are ready, why a create was
     * refused (null when none was), and how long ago the ReplicaSet was created.
     */
    record Pass(String name, List<Pod> pods, int ready, String createFailure, Duration age) {
    }

    Pass reconcile(Deployment deployment, String hash, String name, int replicas) {
        String ns = deployment.getMetadata().getNamespace();
        ReplicaSet current = client.apps().replicaSets().inNamespace(ns).withName(name).get();
        if (current == null) {
            current = client.apps().replicaSets().inNamespace(ns).resource(newReplicaSet(deployment, name, hash, replicas,
                    nextRevision(deployment))).create();
            created.put(ns + "/" + name, clock.instant());
        }
        List<Pod> pods = podsWithHash(ns, deployment, hash);
        String createFailure = null;
        for (int i = pods.size(); i < replicas; i++) {
            Pod pod = newPod(deployment, current, hash, i);
            Optional<String> refused = admission.refusal(pod, client.pods().inNamespace(ns).list().getItems());
            if (refused.isPresent()) {
                // the API server refuses the ReplicaSet controller's create (a ResourceQuota, PodSecurity admission)
                createFailure = "pods \"" + pod.getMetadata().getName() + "\" is forbidden: " + refused.get();
                events.warn(current, "FailedCreate", "Error creating: " + createFailure, "replicaset-controller");
                break;
            }
            client.pods().inNamespace(ns).resource(pod).create();
            kubelet.created(pod);
        }
        Duration age = Duration.between(created.getOrDefault(ns + "/" + name, clock.instant()), clock.instant());
        pods = podsWithHash(ns, deployment, hash);
        int ready = 0;
        for (Pod pod : pods) {
            Pod updated = kubelet.withStatus(pod);
            if (!Objects.equals(Serialization.asJson(updated.getStatus()), Serialization.asJson(pod.getStatus()))) {
                client.pods().inNamespace(ns).resource(updated).updateStatus();
            }
            if (Pods.ready(updated)) {
                ready++;
            }
        }
        return new Pass(name, pods, ready, createFailure, age);
    }

    /** The pods of the Deployment's other pod templates: the rollout's old ones. */
    List<Pod> oldPods(Deployment deployment, String hash) {
        return client.pods().inNamespace(deployment.getMetadata().getNamespace()).withLabels(deployment.getSpec().getSelector().getMatchLabels())
                .list().getItems().stream().filter(p -> !hash.equals(p.getMetadata().getLabels().get(HASH_LABEL))).toList();
    }

    /** The ReplicaSet's status after the pass (written only when it changed). */
    void writeStatus(String ns, Pass pass) {
        ReplicaSet rs = client.apps().replicaSets().inNamespace(ns).withName(pass.name()).get();
        ReplicaSetStatusBuilder builder = new ReplicaSetStatusBuilder().withReplicas(pass.pods().size()).withReadyReplicas(pass.ready())
                .withAvailableReplicas(pass.ready()).withFullyLabeledReplicas(pass.pods().size())
                .withObservedGeneration(rs.getMetadata().getGeneration());
        if (pass.createFailure() != null) {
            builder.withConditions(new ReplicaSetConditionBuilder().withType("ReplicaFailure").withStatus("True")
                    .withReason("FailedCreate").withMessage(pass.createFailure()).withLastTransitionTime(keptTime(rs)).build());
        }
        ReplicaSetStatus status = builder.build();
        if (!status.equals(rs.getStatus())) {
            rs.setStatus(status);
            client.apps().replicaSets().inNamespace(ns).resource(rs).updateStatus();
        }
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

    /** Once a rollout is complete: the Deployment's older ReplicaSets scaled to zero, as the Deployment controller does. */
    void scaleDownOld(Deployment deployment, String currentName) {
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

    private static OwnerReference ownerOf(String apiVersion, String kind, String name, String uid) {
        return new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind).withName(name).withUid(uid)
                .withController(true).withBlockOwnerDeletion(true).build();
    }

}
