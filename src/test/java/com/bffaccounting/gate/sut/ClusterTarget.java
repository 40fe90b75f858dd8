package com.bffaccounting.gate.sut;

import com.bffaccounting.gate.helm.HelmClient;
import com.bffaccounting.gate.kube.AccessReview;
import com.bffaccounting.gate.kube.KubeClient;
import com.bffaccounting.gate.kube.rollout.RolloutClassifier;
import com.bffaccounting.gate.kube.rollout.RolloutInspector;
import com.bffaccounting.gate.model.ReleaseRef;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import java.util.function.IntSupplier;

/**
 * The Kubernetes side of what is verified: the API (fabric8), Helm on the same kubeconfig and context,
 * what the API server is ({@link Origin}), and how many writes the suite has sent to it.
 */
public final class ClusterTarget implements AutoCloseable {
    private final KubeClient kube;
    private final HelmClient helm;
    private final Origin origin;
    private final IntSupplier writeRequests;
    private final AccessReview access;
    private final Map<ReleaseRef, RolloutInspector> rollouts = new ConcurrentHashMap<>();

    /**
     * What the API server is, in words for the report, and who counts the writes sent to it.
     *
     * @param note            said after its context and URL ("" for a real cluster)
     * @param writesCountedBy who counted {@link #writeRequests()}
     */
    public record Origin(String note, String writesCountedBy) {
        public static final Origin REAL = new Origin("", "the suite's cluster client");
    }

    public ClusterTarget(KubeClient kube, HelmClient helm, Origin origin, IntSupplier writeRequests, AccessReview access) {
        this.kube = kube;
        this.helm = helm;
        this.origin = origin;
        this.writeRequests = writeRequests;
        this.access = access;
    }

    /** What this run's credentials may do, for the checks that need the cluster. */
    public AccessReview access() {
        return access;
    }

    /**
     * The run's one watcher of a release's rollout: Step 3's wait and Step 4's lines share what it has seen
     * (how long each problem has lasted) and the outcome it settled on.
     */
    public RolloutInspector rollout(ReleaseRef release, RolloutClassifier.Graces graces) {
        return rollouts.computeIfAbsent(release, r -> new RolloutInspector(kube, r, graces, Clock.systemUTC()));
    }

    public KubeClient kube() {
        return kube;
    }

    public HelmClient helm() {
        return helm;
    }

    public Origin origin() {
        return origin;
    }

    /** Write requests the suite (its client and Helm) sent to the API server in this run. */
    public int writeRequests() {
        return writeRequests.getAsInt();
    }

    public String describe() {
        return "context " + kube.context() + " at " + kube.apiServerUrl() + origin.note();
    }

    @Override
    public void close() {
        kube.close();
    }
}
