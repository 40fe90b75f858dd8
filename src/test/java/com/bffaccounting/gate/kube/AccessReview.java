package com.bffaccounting.gate.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this run's credentials may do, asked of the API server once per permission
 * ({@code kubectl auth can-i}), and what a checklist line therefore cannot do.
 */
public final class AccessReview {
    private final KubeClient kube;
    private final Map<String, List<Permission>> needed;
    private final Map<Permission, Optional<Boolean>> answers = new ConcurrentHashMap<>();

    public AccessReview(KubeClient kube, Map<String, List<Permission>> needed) {
        this.kube = kube;
        this.needed = needed;
    }

    /**
     * Why these checklist lines cannot be judged with this run's credentials, naming each missing permission
     * with its {@code kubectl auth can-i} line; empty when every one is granted (or the server cannot say).
     */
    public Optional<String> missingFor(Collection<String> ids) {
        List<Permission> missing = new ArrayList<>();
        for (String id : ids) {
            for (Permission p : needed.getOrDefault(id, List.of())) {
                if (!missing.contains(p) && answers.computeIfAbsent(p, permission -> canI(kube, permission)).filter(allowed -> !allowed).isPresent()) {
                    missing.add(p);
                }
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("these credentials may not " + String.join(", ", missing.stream().map(Permission::toString).toList())
                + " — check with: " + String.join("; ", missing.stream().map(Permission::canI).toList()));
    }

    /**
     * {@code kubectl auth can-i VERB RESOURCE -n NS}: a SelfSubjectAccessReview. Empty when the server cannot
     * say (an old or odd API server): the checks then find out by calling.
     */
    static Optional<Boolean> canI(KubeClient kube, Permission permission) {
        try {
            var review = new io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder()
                    .withNewSpec().withNewResourceAttributes().withVerb(permission.verb()).withGroup(permission.group())
                    .withResource(permission.resource().replaceAll("/.*", ""))
                    .withSubresource(permission.resource().contains("/") ? permission.resource().replaceAll(".*/", "") : null)
                    .withNamespace(permission.namespace()).endResourceAttributes().endSpec().build();
            var answer = kube.fabric8().authorization().v1().selfSubjectAccessReview().create(review);
            return Optional.ofNullable(answer.getStatus()).map(s -> Boolean.TRUE.equals(s.getAllowed()));
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }
}
