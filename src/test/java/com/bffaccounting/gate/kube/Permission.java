package com.bffaccounting.gate.kube;

/**
 * What RBAC must allow for a call: a verb on a resource of an API group, in a namespace ({@code list pods},
 * {@code create pods/portforward}). {@link #canI()} is the line a person checks it with.
 */
public record Permission(String verb, String group, String resource, String namespace) {
    public static Permission of(String verb, String resource, String namespace) {
        int slash = resource.indexOf('.');
        // "deployments.apps" names the group as kubectl does; plain names are the core group
        return slash < 0 ? new Permission(verb, "", resource, namespace)
                : new Permission(verb, resource.substring(slash + 1), resource.substring(0, slash), namespace);
    }

    /** {@code kubectl auth can-i list pods -n accounting}. */
    public String canI() {
        return ApiErrors.canI(verb, group.isEmpty() ? resource : resource.replaceFirst("(/|$)", "." + group + "$1"), namespace);
    }

    @Override
    public String toString() {
        return verb + " " + resource + (group.isEmpty() ? "" : "." + group) + " in namespace " + namespace;
    }
}
