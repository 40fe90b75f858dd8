package com.bffaccounting.gate.kube;

import com.bffaccounting.gate.logs.LogSource;
import com.bffaccounting.gate.model.ReleaseRef;
import io.fabric8.kubernetes.api.model.Pod;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** {@code kubectl logs -n NS deployment/NAME}: the log of every pod of the deployment. */
public final class PodLogSource implements LogSource {
    /**
     * How far back the log checks read each pod: enough for C11.3 to find every refusal of a 1,000-tenant
     * probe (one line each), bounded so a chatty pod is not read whole on every poll.
     */
    public static final int LINES_FOR_CHECKS = 1000;

    private final KubeClient kube;
    private final String namespace;
    private final String deployment;
    private final int tailLines;

    public PodLogSource(KubeClient kube, ReleaseRef release, int tailLines) {
        this.kube = kube;
        this.namespace = release.namespace();
        this.deployment = release.deployment();
        this.tailLines = tailLines;
    }

    @Override
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Pod pod : pods()) {
            lines.addAll(kube.logTail(namespace, pod.getMetadata().getName(), tailLines));
        }
        return lines;
    }

    /** Pod logs are a moving tail, so the cursor is a time: lines since one second before it was taken. */
    @Override
    public Cursor cursor() {
        String since = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
        return () -> {
            List<String> lines = new ArrayList<>();
            for (Pod pod : pods()) {
                lines.addAll(kube.logSince(namespace, pod.getMetadata().getName(), since));
            }
            return lines;
        };
    }

    private List<Pod> pods() {
        return kube.deployment(namespace, deployment).map(d -> kube.podsOf(namespace, d)).orElse(List.of());
    }

    @Override
    public String describe() {
        return "logs of the pods of deployment/" + deployment;
    }
}
