package com.bffaccounting.gate.model;

/**
 * Where the release lives in the cluster: its namespace, the Deployment that runs the BFF, the Helm
 * release it is installed as, and the container port the BFF listens on. One value, passed where a
 * check needs to find the release (the Helm release is not the image and chart that are released —
 * those are {@code ArtifactSettings}).
 */
public record ReleaseRef(String namespace, String deployment, String helmRelease, int containerPort) {
    /** "deployment/bff-accounting" */
    public String deploymentName() {
        return "deployment/" + deployment;
    }

    /** "deployment/bff-accounting in namespace accounting" */
    public String describe() {
        return deploymentName() + " in namespace " + namespace;
    }
}
