package com.bffaccounting.gate.kube;

import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.Observation;

/**
 * C3.3 and C10.3: the release namespace as Step 1 finds it. A missing one fails a verify-only run, with the
 * command that creates it; a deploy run may change the cluster, and its deploy creates it (Step 3).
 */
public record ReleaseNamespace(String namespace, String context, boolean exists, boolean deployRun) {

    public static ReleaseNamespace look(KubeClient kube, String namespace, boolean deployRun) {
        return new ReleaseNamespace(namespace, kube.context(), kube.namespaceExists(namespace), deployRun);
    }

    public Observation observed() {
        Observation fact = Observation.fact("namespace", namespace);
        if (exists) {
            return fact.says("namespace " + namespace + " exists in context " + context);
        }
        return fact.says("namespace " + namespace + (deployRun ? " does not exist yet in context " + context
                + "; this deploy run (-Ddeploy=true) creates it with the release" : " not found in context " + context));
    }

    /** FAIL when it is missing and this run may not create it. */
    public void require() {
        if (!exists && !deployRun) {
            throw new CheckFailed("namespace not found: " + namespace + " does not exist in context " + context
                    + ". This verify-only run changes nothing; create it with: kubectl create namespace " + namespace
                    + " (or run the deploy with -Ddeploy=true, which creates it)");
        }
    }
}
