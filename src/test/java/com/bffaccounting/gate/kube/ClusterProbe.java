package com.bffaccounting.gate.kube;

import java.util.Optional;

/**
 * The first contact with the cluster, kept whether it worked or not: which kubeconfig and context
 * were used, the API server URL, its version — or why it did not answer.
 */
public record ClusterProbe(boolean configured, String notConfiguredReason, String kubeconfigSource, String context,
                           String apiServerUrl, Optional<String> serverVersion, Optional<String> failure,
                           Optional<String> credentialsRefused) {

    public static ClusterProbe notConfigured(String reason) {
        return new ClusterProbe(false, reason, null, null, null, Optional.empty(), Optional.empty(), Optional.empty());
    }

}
