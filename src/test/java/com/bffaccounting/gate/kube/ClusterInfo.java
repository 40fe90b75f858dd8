package com.bffaccounting.gate.kube;

import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.outcome.Unreachable;
import com.bffaccounting.gate.outcome.CheckFailed;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.Optional;

/**
 * {@code kubectl cluster-info}: the API server's version, asked now — or why it did not answer, with
 * the C10.1 diagnosis (which context and URL were tried, and that local mode is the alternative).
 */
public record ClusterInfo(String context, String apiServerUrl, Optional<String> version, Optional<String> failure, boolean reachedButUnusable) {
    public ClusterInfo(String context, String apiServerUrl, Optional<String> version, Optional<String> failure) {
        this(context, apiServerUrl, version, failure, false);
    }


    /** Asks the connected cluster; a run whose first contact already failed keeps that failure. */
    public static ClusterInfo ask(ClusterProbe probe, Optional<KubeClient> connected) {
        if (probe.failure().isPresent()) {
            return new ClusterInfo(probe.context(), probe.apiServerUrl(), Optional.empty(), probe.failure(), probe.reachedButUnusable());
        }
        if (connected.isEmpty()) {
            // it answered the first contact, but the run keeps no connection (its credentials were rejected)
            if (probe.serverVersion().isEmpty() && probe.credentialsRefused().isPresent()) {
                throw new Inconclusive("the API server at " + probe.apiServerUrl() + " answers, but not with its version to credentials"
                        + " it rejects (see C2.1)");
            }
            return new ClusterInfo(probe.context(), probe.apiServerUrl(), probe.serverVersion(), Optional.empty());
        }
        KubeClient kube = connected.get();
        try {
            return new ClusterInfo(kube.context(), kube.apiServerUrl(), Optional.of(kube.serverVersion().getGitVersion()), Optional.empty());
        } catch (Unreachable e) {
            return new ClusterInfo(kube.context(), kube.apiServerUrl(), Optional.empty(), Optional.of(e.why()), e instanceof KubeErrors.TimedOut);
        } catch (KubeErrors.TlsFailed e) {
            return new ClusterInfo(kube.context(), kube.apiServerUrl(), Optional.empty(), Optional.of(e.why()), true);
        } catch (KubernetesClientException e) {
            return new ClusterInfo(kube.context(), kube.apiServerUrl(), Optional.empty(), Optional.of(ApiErrors.words(e)));
        }
    }

    /** The version; a FAIL with the C10.1 diagnosis when the API server did not answer. */
    public String require() {
        if (failure.isPresent() && reachedButUnusable) {
            throw new Inconclusive("the API server of context '" + context + "' at " + apiServerUrl + " is there, but "
                    + failure.get());
        }
        if (failure.isPresent()) {
            throw new CheckFailed("Kubernetes cluster unreachable: the API server of context '" + context + "' at "
                    + apiServerUrl + " did not answer (" + failure.get() + "). No cluster is reachable from here;"
                    + " to verify a BFF without Kubernetes, run in local mode: ./mvnw verify -Denv=local -Dbff.url=http://localhost:8081");
        }
        return version.orElseThrow();
    }
}
