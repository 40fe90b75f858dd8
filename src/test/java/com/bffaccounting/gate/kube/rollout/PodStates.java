package com.bffaccounting.gate.kube.rollout;

import com.bffaccounting.gate.kube.KubeClient;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;
import java.util.Optional;

/** Reads pod status the way a person reads {@code kubectl get pods}: ready or not, restarts, and the STATUS column. */
public final class PodStates {
    private PodStates() {
    }

    public static boolean ready(Pod pod) {
        return KubeClient.ready(pod);
    }

    /** Neither finished nor going: a Failed (evicted), Succeeded or terminating pod no longer counts towards a rollout. */
    public static boolean live(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return !"Failed".equals(phase) && !"Succeeded".equals(phase) && pod.getMetadata().getDeletionTimestamp() == null;
    }

    public static int restarts(Pod pod) {
        return KubeClient.containerStatuses(pod).stream().mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).sum();
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
        return KubeClient.containerStatuses(pod).stream().map(PodStates::waitingReason).flatMap(Optional::stream).findFirst()
                .orElse(pod.getStatus().getPhase());
    }

    private static Optional<String> waitingReason(ContainerStatus status) {
        return status.getState() == null || status.getState().getWaiting() == null
                ? Optional.empty() : Optional.ofNullable(status.getState().getWaiting().getReason());
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
