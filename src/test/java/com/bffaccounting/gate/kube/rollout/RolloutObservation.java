package com.bffaccounting.gate.kube.rollout;

import com.bffaccounting.gate.kube.KubeClient;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.outcome.Outcomes;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One look at a rollout, everything {@code kubectl describe} would show of it: the Deployment and its
 * conditions, the ReplicaSets it owns and theirs, each pod's conditions and container states, and the
 * events of all of them. Events are read only while the rollout is incomplete (a healthy look pays for
 * three lists), and a refusal to list them leaves the look standing, saying so: a forbidden event list
 * must not hide a crash loop.
 */
public record RolloutObservation(Deployment deployment, List<ReplicaSet> replicaSets, List<Pod> pods,
                                 List<Event> events, Optional<String> eventsUnreadable, Instant at) {
    private static final String REVISION = "deployment.kubernetes.io/revision";

    public static RolloutObservation read(KubeClient kube, Deployment deployment, Instant at) {
        String namespace = deployment.getMetadata().getNamespace();
        List<Pod> pods = kube.podsOf(namespace, deployment);
        List<ReplicaSet> sets = kube.replicaSetsOf(namespace, deployment);
        RolloutObservation bare = new RolloutObservation(deployment, sets, pods, List.of(), Optional.empty(), at);
        if (bare.settled()) {
            return bare;
        }
        try {
            Set<String> names = Stream.concat(Stream.concat(pods.stream(), sets.stream()), Stream.of(deployment))
                    .map(o -> o.getMetadata().getName()).collect(Collectors.toSet());
            List<Event> events = kube.eventsIn(namespace).stream()
                    .filter(e -> e.getInvolvedObject() != null && names.contains(e.getInvolvedObject().getName()))
                    .sorted(Comparator.comparing(RolloutObservation::lastSeen, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            return new RolloutObservation(deployment, sets, pods, events, Optional.empty(), at);
        } catch (Inconclusive e) {
            return new RolloutObservation(deployment, sets, pods, List.of(), Optional.of(Outcomes.reasonOf(e)), at);
        }
    }

    /** Every replica updated and available, every pod of it ready: nothing to explain. */
    public boolean settled() {
        int desired = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        List<Pod> live = pods.stream().filter(PodStates::live).toList();
        return RolloutInspector.rolloutComplete(deployment).isEmpty() && live.size() >= desired
                && live.stream().allMatch(PodStates::ready);
    }

    /** The ReplicaSet of the Deployment's current template: the highest revision, as the controller numbers them. */
    public Optional<ReplicaSet> currentReplicaSet() {
        return replicaSets.stream().max(Comparator.comparingLong(RolloutObservation::revision)
                .thenComparing(rs -> Optional.ofNullable(rs.getMetadata().getCreationTimestamp()).orElse("")));
    }

    /** Whether a pod belongs to the current ReplicaSet (its pod-template-hash), or there is none to tell by. */
    public boolean current(Pod pod) {
        Optional<String> hash = currentReplicaSet().map(rs -> labels(rs).get("pod-template-hash"));
        return hash.isEmpty() || hash.get() == null || hash.get().equals(labels(pod).get("pod-template-hash"));
    }

    public List<Event> eventsOf(HasMetadata object) {
        return events.stream().filter(e -> object.getMetadata().getName().equals(e.getInvolvedObject().getName())).toList();
    }

    /** The newest event of an object with this reason. */
    public Optional<Event> lastEvent(HasMetadata object, Set<String> reasons) {
        return eventsOf(object).stream().filter(e -> reasons.contains(e.getReason())).reduce((a, b) -> b);
    }

    private static long revision(ReplicaSet rs) {
        String value = rs.getMetadata().getAnnotations() == null ? null : rs.getMetadata().getAnnotations().get(REVISION);
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<String, String> labels(HasMetadata object) {
        return object.getMetadata().getLabels() == null ? Map.of() : object.getMetadata().getLabels();
    }

    private static String lastSeen(Event e) {
        if (e.getLastTimestamp() != null) {
            return e.getLastTimestamp();
        }
        if (e.getEventTime() != null && e.getEventTime().getTime() != null) {
            return e.getEventTime().getTime();
        }
        return e.getMetadata() == null ? null : e.getMetadata().getCreationTimestamp();
    }
}
