package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.kube.rollout.RolloutClassifier;
import com.bffaccounting.gate.kube.rollout.RolloutInspector;
import com.bffaccounting.gate.model.ReleaseRef;
import com.bffaccounting.gate.outcome.NotRun;
import com.bffaccounting.gate.run.GateRun;
import com.bffaccounting.gate.sut.ClusterTarget;
import com.bffaccounting.gate.sut.Targets;

/** A scenario's view of the run scope: settings, targets and facts, injected into step classes. */
public final class RunContext {
    private final GateRun run;

    public RunContext(GateRun run) {
        this.run = run;
    }

    public Settings settings() {
        return run.settings();
    }

    public Targets targets() {
        return run.targets();
    }

    /** Where the release lives: namespace, Deployment, Helm release, container port. */
    public ReleaseRef release() {
        return settings().cluster.ref();
    }

    /**
     * The cluster, for checks about the release in its namespace: NOT_RUN when the namespace is missing,
     * because that failure belongs to the namespace check alone.
     */
    public ClusterTarget releaseCluster() {
        ClusterTarget cluster = targets().cluster().require();
        String namespace = release().namespace();
        if (!cluster.kube().namespaceExists(namespace)) {
            throw new NotRun("needs namespace " + namespace
                    + ", which does not exist (see the namespace check)");
        }
        return cluster;
    }

    /** The run's watcher of the release's rollout (Step 3, Step 4), with the run's graces. */
    public RolloutInspector rollout(ClusterTarget cluster) {
        Settings s = settings();
        return cluster.rollout(release(), new RolloutClassifier.Graces(s.cluster.failFastAfter(), s.cluster.unschedulableAfter()));
    }

    public GateRun run() {
        return run;
    }
}
