package com.bffaccounting.gate.kube.rollout;

import com.bffaccounting.gate.kube.Pods;
import com.bffaccounting.gate.outcome.Observation;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.List;
import java.util.Optional;

/** Reads pod status the way a person reads {@code kubectl get pods}: ready or not, restarts, and the STATUS column. */
public final class PodStates {
    private PodStates() {
    }

    public static boolean ready(Pod pod) {
        return Pods.ready(pod);
    }

    /** Neither finished nor going: a Failed (evicted), Succeeded or terminating pod no longer counts towards a rollout. */
    public static boolean live(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return !"Failed".equals(phase) && !"Succeeded".equals(phase) && pod.getMetadata().getDeletionTimestamp() == null;
    }

    public static int restarts(Pod pod) {
        return Pods.containerStatuses(pod).stream().mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).sum();
    }

    public static List<ContainerStatus> initContainerStatuses(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getInitContainerStatuses() == null
                ? List.of() : pod.getStatus().getInitContainerStatuses();
    }

    /** kubectl's STATUS column: {@code Init:CrashLoopBackOff}, {@code ImagePullBackOff}, {@code Evicted}, or the phase. */
    public static String status(Pod pod) {
        if (pod.getStatus() == null) {
            return "?";
        }
        if (pod.getStatus().getReason() != null) {
            return pod.getStatus().getReason();
        }
        Optional<String> init = initContainerStatuses(pod).stream().map(PodStates::waitingReason).flatMap(Optional::stream).findFirst();
        if (init.isPresent()) {
            return "Init:" + init.get();
        }
        return Pods.containerStatuses(pod).stream().map(PodStates::waitingReason).flatMap(Optional::stream).findFirst()
                .orElse(pod.getStatus().getPhase());
    }

    /** Whether kubectl would show the pod stuck on its image: ErrImagePull, ImagePullBackOff, InvalidImageName (init containers too). */
    public static boolean cannotPullImage(Pod pod) {
        String status = status(pod);
        return RolloutClassifier.IMAGE_PULL.contains(status.startsWith("Init:") ? status.substring("Init:".length()) : status);
    }

    private static Optional<String> waitingReason(ContainerStatus status) {
        return status.getState() == null || status.getState().getWaiting() == null
                ? Optional.empty() : Optional.ofNullable(status.getState().getWaiting().getReason());
    }

    /** What C6.1 reports: how many pods are ready of how many, and their restarts (none is the limit). */
    public static List<Observation> observed(List<Pod> pods) {
        List<Pod> live = pods.stream().filter(PodStates::live).toList();
        long ready = live.stream().filter(PodStates::ready).count();
        int restarts = live.stream().mapToInt(PodStates::restarts).sum();
        return List.of(
                Observation.measure("pods ready", ready, null).against(live.size())
                        .says(ready + "/" + live.size() + " pods Running and Ready"),
                Observation.measure("restarts", restarts, null).against(0).says(restarts + " restarts"));
    }

    /** What C6.2 reports: replicas updated and available, against the replicas the Deployment wants. */
    public static List<Observation> replicas(Deployment deployment) {
        int wanted = deployment.getSpec() == null || deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        var status = deployment.getStatus();
        int updated = status == null || status.getUpdatedReplicas() == null ? 0 : status.getUpdatedReplicas();
        int available = status == null || status.getAvailableReplicas() == null ? 0 : status.getAvailableReplicas();
        return List.of(
                Observation.measure("replicas updated", updated, null).against(wanted).says(updated + "/" + wanted + " replicas updated"),
                Observation.measure("replicas available", available, null).against(wanted).says(available + "/" + wanted + " replicas available"));
    }

    /** One line per pod: name, STATUS, ready, restarts — the columns of kubectl get pods. */
    public static String describe(List<Pod> pods) {
        StringBuilder out = new StringBuilder();
        for (Pod pod : pods) {
            out.append(pod.getMetadata().getName()).append("  status=").append(status(pod))
                    .append(" ready=").append(ready(pod))
                    .append(" restarts=").append(restarts(pod)).append('\n');
        }
        return out.toString();
    }
}
