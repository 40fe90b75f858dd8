package com.bffaccounting.gate.kube.rollout;

import com.bffaccounting.gate.kube.KubeClient;

import com.bffaccounting.gate.model.ReleaseRef;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a person debugging a rollout looks at, as kubectl would show it: the pods, their events and the
 * last log lines of each. Built lazily, so a passing check pays nothing for it.
 */
public final class RolloutEvidence {
    private RolloutEvidence() {
    }

    /** Named texts, in the order they should be attached. */
    public static Map<String, Supplier<String>> of(KubeClient kube, RolloutInspector rollout, ReleaseRef release, int tailLines) {
        String namespace = release.namespace();
        Map<String, Supplier<String>> items = new LinkedHashMap<>();
        items.put("kubectl get pods (" + release.deploymentName() + ")", () -> PodStates.describe(rollout.pods()));
        items.put("events of the release's pods", () -> rollout.pods().stream()
                .flatMap(p -> kube.eventsOf(namespace, p.getMetadata().getName()).stream())
                .map(e -> e.getType() + " " + e.getReason() + " " + e.getInvolvedObject().getName() + ": " + e.getMessage())
                .collect(Collectors.joining("\n")));
        items.put("last " + tailLines + " log lines of each pod", () -> PodLogTails.text(
                PodLogTails.collect(kube, namespace, rollout.pods(), tailLines)));
        return items;
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

        static String text(Map<String, List<String>> tails) {
            return tails.entrySet().stream().map(e -> "== " + e.getKey() + "\n" + text(e.getValue()))
                    .collect(Collectors.joining("\n"));
        }
    }
}
