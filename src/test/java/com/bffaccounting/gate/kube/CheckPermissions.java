package com.bffaccounting.gate.kube;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The permissions each checklist line needs of the cluster, asked of the API server once per run
 * ({@code SelfSubjectAccessReview}, as {@code kubectl auth can-i} asks) before any check calls it: a line
 * whose permission is missing is INCONCLUSIVE at once, with the line to check it by, instead of failing
 * somewhere in the middle. Only what a line always needs is listed (evidence read on failure is not).
 * {@code deploy/rbac/verify.yaml} and {@code deploy.yaml} grant exactly these, and a project test proves both
 * that they suffice and that each rule is needed.
 */
public final class CheckPermissions {
    private CheckPermissions() {
    }

    /** By checklist ID, for the release's namespace; deploy lines only when the run may write. */
    public static Map<String, List<Permission>> needed(String namespace, boolean writes) {
        Permission pods = Permission.of("list", "pods", namespace);
        Permission deployment = Permission.of("get", "deployments.apps", namespace);
        Permission logs = Permission.of("get", "pods/log", namespace);
        Permission portForward = Permission.of("create", "pods/portforward", namespace);
        List<Permission> bff = List.of(deployment, pods, portForward);
        Map<String, List<Permission>> needed = new LinkedHashMap<>();
        Permission ns = Permission.of("get", "namespaces", namespace);
        needed.put("C2.1", List.of(pods));
        needed.put("C3.3", List.of(ns));
        needed.put("C10.3", List.of(ns));
        needed.put("C5.2", bff);
        // the rollout's checks look for the namespace first, to say "no namespace" rather than "no Deployment"
        needed.put("C5.3", List.of(ns, deployment));
        // the rollout's classifier reads the ReplicaSets too: a quota or PodSecurity refusal is written only there
        Permission replicaSets = Permission.of("list", "replicasets.apps", namespace);
        needed.put("C6.1", List.of(ns, deployment, pods, replicaSets));
        needed.put("C6.2", List.of(ns, deployment, pods, replicaSets));
        needed.put("C10.2", List.of(ns, deployment, pods, replicaSets));
        needed.put("C6.3", List.of(ns, deployment, pods, logs));
        for (String id : List.of("C7.1", "C11.1", "C11.2", "C11.4")) {
            needed.put(id, bff);
        }
        needed.put("C11.3", List.of(deployment, pods, portForward, logs));
        if (writes) {
            List<Permission> helm = new ArrayList<>(List.of(deployment, pods));
            for (String verb : List.of("create", "update")) {
                helm.add(Permission.of(verb, "secrets", namespace));           // Helm's release records
                helm.add(Permission.of(verb, "deployments.apps", namespace));
                helm.add(Permission.of(verb, "services", namespace));
            }
            needed.put("C5.1", List.copyOf(helm));
            needed.put("C13.1", List.copyOf(helm));
        }
        return needed;
    }

    /** The distinct permissions of the lines given, in order. */
    public static Set<Permission> of(Map<String, List<Permission>> needed) {
        Set<Permission> all = new java.util.LinkedHashSet<>();
        needed.values().forEach(all::addAll);
        return all;
    }
}
