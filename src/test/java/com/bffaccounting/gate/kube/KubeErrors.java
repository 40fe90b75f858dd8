package com.bffaccounting.gate.kube;

import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.outcome.Unreachable;

/**
 * What {@link KubeClient} throws when the API server will not do what a check asks, each judged by its type
 * ({@code outcome.Outcomes}): too slow, TLS that cannot be trusted, credentials rejected (401), a permission
 * missing (403), a write in a verify-only run, a kubeconfig that cannot be used.
 */
public final class KubeErrors {
    private KubeErrors() {
    }

    /**
     * The API server took longer than {@code cluster.requestTimeout} to answer: up but too slow (or hanging on
     * this endpoint). Infrastructure, INCONCLUSIVE — unlike a server that does not answer at all, never a FAIL.
     */
    public static final class TimedOut extends Unreachable {
        public TimedOut(String context, String server, String request, java.time.Duration timeout) {
            super("the API server of context '" + context + "' at " + server, request + " took longer than "
                    + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms")
                    + " (cluster.requestTimeout): slow or hanging — if it is always this slow, raise -Dcluster.requestTimeout");
        }
    }
    /** TLS with the API server failed (an untrusted CA, a certificate for another host…): the kubeconfig's to mend, INCONCLUSIVE. */
    public static final class TlsFailed extends Inconclusive {
        private final String why;

        public TlsFailed(String context, String server, String why) {
            super("the API server of context '" + context + "' at " + server + " could not be talked to: " + why);
            this.why = why;
        }

        public String why() {
            return why;
        }
    }
    /** 401: the API server does not accept these credentials. C2.1 fails with it; every other check is INCONCLUSIVE naming C2.1. */
    public static final class CredentialsRejected extends Inconclusive {
        private final String reason;

        public CredentialsRejected(String context, String server, String words) {
            this("the API server at " + server + " rejected the credentials of context '" + context + "' (" + words
                    + ") — renew them (a new token, or the cloud CLI's login again) and run again");
        }

        private CredentialsRejected(String reason) {
            super(reason + " (see C2.1)");
            this.reason = reason;
        }

        /** The reason without the pointer to C2.1: C2.1's own words. */
        public String reason() {
            return reason;
        }
    }
    /** 403: these credentials may not do what a check needs. INCONCLUSIVE for that check, never a FAIL of the release. */
    public static final class Forbidden extends Inconclusive {
        private final String canI;

        public Forbidden(String verb, String resource, String namespace, String words) {
            super("forbidden to " + verb + " " + resource + (namespace == null ? "" : " in namespace " + namespace) + " (" + words
                    + ") — check with: " + ApiErrors.canI(verb, resource, namespace));
            this.canI = ApiErrors.canI(verb, resource, namespace);
        }

        public String canI() {
            return canI;
        }
    }
    /** A write attempted by a verify-only run. */
    public static final class ReadOnlyViolation extends IllegalStateException {
        public ReadOnlyViolation(String request) {
            super("verify-only run: refused to send " + request + " to the cluster (deploy and rollback need -Ddeploy=true or -Drollback=true)");
        }
    }
    /** A kubeconfig that cannot be used as it is; the message is the whole diagnosis. */
    public static final class KubeconfigException extends RuntimeException {
        public KubeconfigException(String message) {
            super(message);
        }
    }
}
