package com.bffaccounting.gate.kube.rollout;

import com.bffaccounting.gate.kube.KubeClient;
import com.bffaccounting.gate.kube.Pods;
import com.bffaccounting.gate.model.ReleaseRef;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a person debugging a rollout looks at, in the order kubectl users know: describe (the Deployment's
 * and ReplicaSets' conditions, each pod's conditions and container states), then the events of all of
 * them, then the last log lines of each container that ran — of its previous run too when it restarted.
 * Built lazily from one look, so a passing check pays nothing for it.
 */
public final class RolloutEvidence {
    private RolloutEvidence() {
    }

    /** Named texts, in the order they should be attached. */
    public static Map<String, Supplier<String>> of(KubeClient kube, RolloutInspector rollout, ReleaseRef release, int tailLines) {
        String namespace = release.namespace();
        Supplier<Optional<RolloutObservation>> look = memo(rollout::observe);
        Map<String, Supplier<String>> items = new LinkedHashMap<>();
        items.put("kubectl describe " + release.deploymentName() + ", its ReplicaSets and pods",
                () -> look.get().map(RolloutEvidence::describe).orElse(release.deploymentName() + " does not exist in namespace " + namespace));
        items.put("events of the rollout (Deployment, ReplicaSets, pods)", () -> look.get().map(RolloutEvidence::events).orElse(""));
        items.put("last " + tailLines + " log lines of each container that ran", () -> look.get()
                .map(o -> logs(kube, namespace, o.pods(), tailLines)).orElse(""));
        return items;
    }

    static String describe(RolloutObservation look) {
        StringBuilder out = new StringBuilder();
        Deployment d = look.deployment();
        out.append("deployment/").append(d.getMetadata().getName()).append("  generation ").append(d.getMetadata().getGeneration())
                .append(", observed ").append(d.getStatus() == null ? "-" : d.getStatus().getObservedGeneration())
                .append("; ").append(RolloutInspector.rolloutComplete(d).orElse("complete")).append('\n');
        if (d.getStatus() != null && d.getStatus().getConditions() != null) {
            d.getStatus().getConditions().forEach(c -> out.append("  ").append(c.getType()).append('=').append(c.getStatus())
                    .append(' ').append(nullToEmpty(c.getReason())).append(": ").append(nullToEmpty(c.getMessage())).append('\n'));
        }
        for (ReplicaSet rs : look.replicaSets()) {
            out.append("replicaset/").append(rs.getMetadata().getName()).append("  desired ")
                    .append(rs.getSpec() == null ? "-" : rs.getSpec().getReplicas())
                    .append(", current ").append(rs.getStatus() == null ? "-" : rs.getStatus().getReplicas())
                    .append(", ready ").append(rs.getStatus() == null ? "-" : rs.getStatus().getReadyReplicas()).append('\n');
            if (rs.getStatus() != null && rs.getStatus().getConditions() != null) {
                rs.getStatus().getConditions().forEach(c -> out.append("  ").append(c.getType()).append('=').append(c.getStatus())
                        .append(' ').append(nullToEmpty(c.getReason())).append(": ").append(nullToEmpty(c.getMessage())).append('\n'));
            }
        }
        for (Pod pod : look.pods()) {
            out.append("pod/").append(pod.getMetadata().getName()).append("  status=").append(PodStates.status(pod))
                    .append(" ready=").append(PodStates.ready(pod)).append(" restarts=").append(PodStates.restarts(pod)).append('\n');
            if (pod.getStatus() != null && pod.getStatus().getConditions() != null) {
                pod.getStatus().getConditions().forEach(c -> out.append("  ").append(c.getType()).append('=').append(c.getStatus())
                        .append(c.getReason() == null ? "" : " " + c.getReason())
                        .append(c.getMessage() == null ? "" : ": " + c.getMessage()).append('\n'));
            }
            Stream.concat(PodStates.initContainerStatuses(pod).stream().map(s -> "init container " + state(s)),
                            Pods.containerStatuses(pod).stream().map(s -> "container " + state(s)))
                    .forEach(line -> out.append("  ").append(line).append('\n'));
        }
        return out.toString();
    }

    private static String state(ContainerStatus s) {
        StringBuilder out = new StringBuilder(s.getName()).append(": ");
        if (s.getState() != null && s.getState().getWaiting() != null) {
            out.append("Waiting ").append(s.getState().getWaiting().getReason())
                    .append(s.getState().getWaiting().getMessage() == null ? "" : " (" + s.getState().getWaiting().getMessage() + ")");
        } else if (s.getState() != null && s.getState().getTerminated() != null) {
            out.append("Terminated ").append(s.getState().getTerminated().getReason()).append(", exit code ")
                    .append(s.getState().getTerminated().getExitCode());
        } else if (s.getState() != null && s.getState().getRunning() != null) {
            out.append("Running since ").append(s.getState().getRunning().getStartedAt());
        }
        out.append(", ready ").append(Boolean.TRUE.equals(s.getReady())).append(", restarts ").append(s.getRestartCount());
        if (s.getLastState() != null && s.getLastState().getTerminated() != null) {
            out.append("; last state Terminated ").append(s.getLastState().getTerminated().getReason()).append(", exit code ")
                    .append(s.getLastState().getTerminated().getExitCode());
        }
        return out.toString();
    }

    static String events(RolloutObservation look) {
        if (look.eventsUnreadable().isPresent()) {
            return "events could not be read: " + look.eventsUnreadable().get();
        }
        if (look.events().isEmpty()) {
            return "(no events for the Deployment, its ReplicaSets or pods)";
        }
        return look.events().stream().map(RolloutEvidence::event).collect(Collectors.joining("\n"));
    }

    private static String event(Event e) {
        return Optional.ofNullable(e.getLastTimestamp()).orElse("-") + "  " + e.getType() + "  " + e.getReason() + "  "
                + e.getInvolvedObject().getKind().toLowerCase() + "/" + e.getInvolvedObject().getName()
                + (e.getCount() != null && e.getCount() > 1 ? " (x" + e.getCount() + ")" : "") + "  " + e.getMessage();
    }

    /** {@code kubectl logs POD -c C --tail=N} for each container that started, and {@code --previous} for one that restarted. */
    static String logs(KubeClient kube, String namespace, List<Pod> pods, int tailLines) {
        StringBuilder out = new StringBuilder();
        for (Pod pod : pods) {
            String name = pod.getMetadata().getName();
            for (ContainerStatus s : Stream.concat(PodStates.initContainerStatuses(pod).stream(), Pods.containerStatuses(pod).stream()).toList()) {
                boolean ranBefore = s.getLastState() != null && s.getLastState().getTerminated() != null;
                boolean runsOrRan = s.getState() != null && (s.getState().getRunning() != null || s.getState().getTerminated() != null);
                if (!runsOrRan && !ranBefore) {
                    out.append("== ").append(name).append(" -c ").append(s.getName()).append(": never ran (")
                            .append(PodStates.status(pod)).append(")\n");
                    continue;
                }
                if (runsOrRan) {
                    out.append("== ").append(name).append(" -c ").append(s.getName()).append('\n')
                            .append(PodLogTails.text(kube.logTail(namespace, name, s.getName(), tailLines, false))).append('\n');
                }
                if (ranBefore) {
                    out.append("== ").append(name).append(" -c ").append(s.getName()).append(" --previous\n")
                            .append(PodLogTails.text(kube.logTail(namespace, name, s.getName(), tailLines, true))).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;
            private boolean done;

            @Override
            public synchronized T get() {
                if (!done) {
                    value = supplier.get();
                    done = true;
                }
                return value;
            }
        };
    }

    /** {@code kubectl logs POD --tail=N} for each pod; an empty log says so rather than vanishing. */
    public static final class PodLogTails {
        private PodLogTails() {
        }

        public static Map<String, List<String>> collect(KubeClient kube, String namespace,
                                                        List<Pod> pods, int tailLines) {
            Map<String, List<String>> tails = new LinkedHashMap<>();
            for (var pod : pods) {
                tails.put(pod.getMetadata().getName(), kube.logTail(namespace, pod.getMetadata().getName(), tailLines));
            }
            return tails;
        }

        public static String text(List<String> lines) {
            return lines.isEmpty() ? "(log empty: the container wrote nothing)" : String.join("\n", lines);
        }
    }
}
