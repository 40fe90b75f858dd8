package com.bffaccounting.gate.kube;

import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.outcome.NotRun;

import java.util.Optional;

/**
 * The first contact with the cluster, kept whether it worked or not: which kubeconfig and context
 * were used, the API server URL, its version — or why it did not answer.
 *
 * @param credentialsRefused the API server answered 401: C2.1 fails, every other cluster check is INCONCLUSIVE
 * @param accessForbidden    the API server answered 403 to listing the release's pods: C2.1 is INCONCLUSIVE,
 *                           naming the permission and its {@code kubectl auth can-i} line
 * @param reachedButUnusable the first contact's {@link #failure} came from a server that is there: too slow to
 *                           answer in time, or one whose TLS identity cannot be verified — never "unreachable"
 */
public record ClusterProbe(boolean configured, String notConfiguredReason, String kubeconfigSource, String context,
                           String apiServerUrl, Optional<String> serverVersion, Optional<String> failure,
                           Optional<String> credentialsRefused, Optional<String> accessForbidden, boolean reachedButUnusable) {

    public ClusterProbe(boolean configured, String notConfiguredReason, String kubeconfigSource, String context,
                        String apiServerUrl, Optional<String> serverVersion, Optional<String> failure,
                        Optional<String> credentialsRefused) {
        this(configured, notConfiguredReason, kubeconfigSource, context, apiServerUrl, serverVersion, failure, credentialsRefused,
                Optional.empty(), false);
    }

    public static ClusterProbe notConfigured(String reason) {
        return new ClusterProbe(false, reason, null, null, null, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** C2.2: the kubeconfig selects a context, whose name this is; FAIL when it selects none. */
    public String requireContext() {
        if (context == null || context.isBlank()) {
            throw new CheckFailed("the kubeconfig " + kubeconfigSource + " selects no context");
        }
        return context;
    }

    /**
     * C2.1: these credentials may read the release's namespace. A refusal of the credentials (401) is the
     * line's FAIL; a limited account (403) cannot be judged; an unreachable cluster is C3.1's to judge.
     */
    public void requireReadAccess() {
        if (failure.isPresent()) {
            throw new NotRun("needs a reachable cluster (see the cluster connectivity check)");
        }
        credentialsRefused.ifPresent(refused -> {
            throw new CheckFailed("cluster access refused: " + refused);
        });
        accessForbidden.ifPresent(forbidden -> {
            throw new Inconclusive("cluster access is limited: " + forbidden);
        });
    }

}
