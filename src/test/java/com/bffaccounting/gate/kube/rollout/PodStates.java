package com.bffaccounting.gate.kube.rollout;

import com.bffaccounting.gate.kube.KubeClient;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads pod status the way a person reads {@code kubectl get pods}: ready or not, restarts, and the
 * terminal states that will not fix themselves (so waiting for them is pointless).
 */
public final class PodStates {
    /** Waiting reasons that a rollout does not recover from without a change. */
    public static final Set<String> TERMINAL_WAITING = Set.of(
            "ErrImagePull", "ImagePullBackOff", "InvalidImageName", "CrashLoopBackOff",
            "CreateContainerConfigError", "CreateContainerError");
    public static final Set<String> IMAGE_PULL = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName");

    private PodStates() {
    }

    public static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    public static int restarts(Pod pod) {
        return KubeClient.containerStatuses(pod).stream().mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).sum();
    }

    /** The first container waiting in a state it will not leave by itself (ImagePullBackOff, CrashLoopBackOff…). */
    public static Optional<TerminalWait> terminalWait(Pod pod) {
        for (ContainerStatus status : KubeClient.containerStatuses(pod)) {
            if (status.getState() != null && status.getState().getWaiting() != null
                    && TERMINAL_WAITING.contains(status.getState().getWaiting().getReason())) {
                return Optional.of(new TerminalWait(pod.getMetadata().getName(), status.getName(), status.getImage(),
                        status.getState().getWaiting().getReason(), status.getState().getWaiting().getMessage()));
            }
        }
        return Optional.empty();
    }

    /** One line per pod: name, phase, ready, restarts, waiting reason — the columns of kubectl get pods. */
    public static String describe(List<Pod> pods) {
        StringBuilder out = new StringBuilder();
        for (Pod pod : pods) {
            out.append(pod.getMetadata().getName()).append("  phase=")
                    .append(pod.getStatus() == null ? "?" : pod.getStatus().getPhase())
                    .append(" ready=").append(ready(pod))
                    .append(" restarts=").append(restarts(pod));
            terminalWait(pod).ifPresent(s -> out.append(" ").append(s.reason()));
            out.append('\n');
        }
        return out.toString();
    }

    /** A container of a pod waiting for good: its reason, and whether an image pull is what fails. */
    public record TerminalWait(String pod, String container, String image, String reason, String message) {
        public boolean imagePull() {
            return IMAGE_PULL.contains(reason);
        }
    }
}
