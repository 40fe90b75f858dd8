package com.bffaccounting.gate.kube;

import com.bffaccounting.gate.helm.HelmClient;

import java.util.function.IntSupplier;

/**
 * The Kubernetes side of what is verified: the API (fabric8), Helm on the same kubeconfig, whether it
 * is the simulated stand-in, and how many writes the suite has sent to it.
 */
public final class ClusterTarget implements AutoCloseable {
    private final KubeClient kube;
    private final HelmClient helm;
    private final boolean standIn;
    private final IntSupplier writeRequests;

    public ClusterTarget(KubeClient kube, HelmClient helm, boolean standIn, IntSupplier writeRequests) {
        this.kube = kube;
        this.helm = helm;
        this.standIn = standIn;
        this.writeRequests = writeRequests;
    }

    public KubeClient kube() {
        return kube;
    }

    public HelmClient helm() {
        return helm;
    }

    public boolean standIn() {
        return standIn;
    }

    /** Write requests the suite (its client and Helm) sent to the API server in this run. */
    public int writeRequests() {
        return writeRequests.getAsInt();
    }

    public String describe() {
        return "context " + kube.context() + " at " + kube.apiServerUrl() + (standIn ? " (SimCluster — simulated API server)" : "");
    }

    @Override
    public void close() {
        kube.close();
    }
}
