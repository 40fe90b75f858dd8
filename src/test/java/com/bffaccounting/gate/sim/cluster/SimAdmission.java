package com.bffaccounting.gate.sim.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the simulated API server's admission refuses when the ReplicaSet controller creates a pod, in the
 * words a real one writes into the FailedCreate event: a namespace's ResourceQuota, or its PodSecurity
 * {@code restricted} level, checked against the pod as rendered (a chart that meets "restricted" is admitted).
 */
@FunctionalInterface
public interface SimAdmission {
    SimAdmission NONE = (pod, podsInNamespace) -> Optional.empty();

    /** Why the pod may not be created, or empty. */
    Optional<String> refusal(Pod pod, List<Pod> podsInNamespace);

    /** A ResourceQuota on {@code limits.memory}: the live pods' limits plus this one's may not pass {@code hard}. */
    public static SimAdmission memoryQuota(String name, String hard) {
        return (pod, existing) -> {
            BigDecimal limit = Quantity.getAmountInBytes(new Quantity(hard));
            BigDecimal used = existing.stream().filter(p -> p.getStatus() == null || !"Failed".equals(p.getStatus().getPhase()))
                    .map(SimAdmission::memoryLimit).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal requested = memoryLimit(pod);
            if (used.add(requested).compareTo(limit) <= 0) {
                return Optional.empty();
            }
            return Optional.of("exceeded quota: " + name + ", requested: limits.memory=" + mebibytes(requested)
                    + ", used: limits.memory=" + mebibytes(used) + ", limited: limits.memory=" + hard);
        };
    }

    /** PodSecurity admission at {@code restricted:latest}, for the rules a Deployment's pod most often breaks. */
    public static SimAdmission podSecurityRestricted() {
        return (pod, existing) -> {
            List<String> violations = new ArrayList<>();
            PodSecurityContext podContext = pod.getSpec().getSecurityContext();
            List<Container> containers = new ArrayList<>(pod.getSpec().getContainers());
            if (pod.getSpec().getInitContainers() != null) {
                containers.addAll(pod.getSpec().getInitContainers());
            }
            for (Container c : containers) {
                SecurityContext sc = c.getSecurityContext();
                if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    violations.add("allowPrivilegeEscalation != false (container \"" + c.getName()
                            + "\" must set securityContext.allowPrivilegeEscalation=false)");
                }
                if (sc == null || sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                        || !sc.getCapabilities().getDrop().contains("ALL")) {
                    violations.add("unrestricted capabilities (container \"" + c.getName()
                            + "\" must set securityContext.capabilities.drop=[\"ALL\"])");
                }
                boolean nonRoot = (sc != null && Boolean.TRUE.equals(sc.getRunAsNonRoot()))
                        || (podContext != null && Boolean.TRUE.equals(podContext.getRunAsNonRoot()) && (sc == null || sc.getRunAsNonRoot() == null));
                if (!nonRoot) {
                    violations.add("runAsNonRoot != true (pod or container \"" + c.getName() + "\" must set securityContext.runAsNonRoot=true)");
                }
            }
            boolean seccomp = podContext != null && podContext.getSeccompProfile() != null
                    && List.of("RuntimeDefault", "Localhost").contains(podContext.getSeccompProfile().getType());
            if (!seccomp) {
                violations.add("seccompProfile (pod must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")");
            }
            return violations.isEmpty() ? Optional.empty()
                    : Optional.of("violates PodSecurity \"restricted:latest\": " + String.join(", ", violations));
        };
    }

    private static BigDecimal memoryLimit(Pod pod) {
        return pod.getSpec().getContainers().stream()
                .map(c -> c.getResources() == null || c.getResources().getLimits() == null ? null : c.getResources().getLimits().get("memory"))
                .filter(q -> q != null).map(Quantity::getAmountInBytes).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String mebibytes(BigDecimal bytes) {
        return bytes.divide(BigDecimal.valueOf(1024L * 1024)).toBigInteger() + "Mi";
    }
}
