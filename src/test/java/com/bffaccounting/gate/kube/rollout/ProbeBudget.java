package com.bffaccounting.gate.kube.rollout;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long the kubelet itself gives a container to become Ready, from the pod spec: a startup probe's
 * {@code failureThreshold × periodSeconds} (readiness is not probed before it passes), then the readiness
 * probe's {@code initialDelaySeconds + failureThreshold × periodSeconds}, with Kubernetes' defaults
 * (0, 3, 10 s) for what the spec leaves out. Not Ready before the budget is spent is the probe's business;
 * not Ready after it is a verdict.
 */
public record ProbeBudget(Duration duration, String words) {
    private static final int DEFAULT_FAILURE_THRESHOLD = 3;
    private static final int DEFAULT_PERIOD_SECONDS = 10;

    public static ProbeBudget of(Pod pod, String containerName) {
        Optional<Container> container = pod.getSpec() == null || pod.getSpec().getContainers() == null ? Optional.empty()
                : pod.getSpec().getContainers().stream().filter(c -> c.getName().equals(containerName)).findFirst();
        long seconds = 0;
        List<String> parts = new ArrayList<>();
        // readiness is not probed before a startup probe passes: the two budgets add up
        for (NamedProbe named : List.of(new NamedProbe("startup", container.map(Container::getStartupProbe).orElse(null)),
                new NamedProbe("readiness", container.map(Container::getReadinessProbe).orElse(null)))) {
            Probe probe = named.probe();
            if (probe == null) {
                continue;
            }
            int threshold = orDefault(probe.getFailureThreshold(), DEFAULT_FAILURE_THRESHOLD);
            int period = orDefault(probe.getPeriodSeconds(), DEFAULT_PERIOD_SECONDS);
            int delay = orDefault(probe.getInitialDelaySeconds(), 0);
            seconds += delay + (long) threshold * period;
            parts.add(named.name() + " " + delay + " + " + threshold + " × " + period + " s");
        }
        return new ProbeBudget(Duration.ofSeconds(seconds), parts.isEmpty() ? "no readiness probe"
                : "probe budget " + seconds + " s: " + String.join(", ", parts));
    }

    private record NamedProbe(String name, Probe probe) {
    }

    private static int orDefault(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
