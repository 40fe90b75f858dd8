package com.bffaccounting.gate.kube;

import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.outcome.Unreachable;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** How {@link KubeClient} reads: asked again while the answer is transient, judged by type when it fails. */
final class ApiReads {
    private final String context;
    private final String server;
    private final ApiRetry retry;
    /** Reads that timed out, by verb and resource: asked once per run, then answered from here. */
    private final Map<String, KubeErrors.TimedOut> hungEndpoints = new ConcurrentHashMap<>();

    ApiReads(String context, String server, ApiRetry retry) {
        this.context = context;
        this.server = server;
        this.retry = retry;
    }

    /**
     * An idempotent read, as the API server lets it be made: a transient answer (429, 5xx, a reset
     * connection) is asked again, after the server's {@code Retry-After} or a short backoff, within
     * {@code cluster.requestTimeout}; what is left is judged as infrastructure, never as the release:
     * <ul>
     *   <li>no answer at all (timeout, refused) — {@link Unreachable};</li>
     *   <li>401 — {@link KubeErrors.CredentialsRejected}, which C2.1 reports;</li>
     *   <li>403 — {@link KubeErrors.Forbidden}, naming the verb, resource and namespace with its {@code kubectl auth can-i} line;</li>
     *   <li>a transient answer that lasted the whole budget — INCONCLUSIVE in the server's words.</li>
     * </ul>
     * Any other answer the server gave (404, say) stays fabric8's exception, for the caller to judge.
     *
     * @param verb     and {@code resource}, {@code namespace}: what is asked, as RBAC names it ({@code list}, {@code events})
     */
    <T> T read(String verb, String resource, String namespace, Supplier<T> request) {
        KubeErrors.TimedOut hung = hungEndpoints.get(verb + " " + resource);
        if (hung != null) {
            // an endpoint that hung once costs the run its timeout once: later reads of it end at once with the same words
            throw hung;
        }
        ApiRetry.Answer<T> answer = retry.read(verb + " " + resource + (namespace == null ? "" : " in namespace " + namespace), request);
        if (answer.succeeded()) {
            return answer.value();
        }
        KubernetesClientException e = answer.failure();
        if (e.getCode() <= 0 && Causes.tlsFailed(e)) {
            throw new KubeErrors.TlsFailed(context, server, Causes.describe(e));
        }
        if (e.getCode() <= 0 && Causes.timedOut(e)) {
            KubeErrors.TimedOut timedOut = new KubeErrors.TimedOut(context, server, verb + " " + resource, retry.budget());
            hungEndpoints.putIfAbsent(verb + " " + resource, timedOut);
            throw timedOut;
        }
        if (e.getCode() <= 0 && Causes.noAnswer(e)) {
            throw new Unreachable("the API server of context '" + context + "' at " + server, Causes.describe(e));
        }
        if (e.getCode() == 401) {
            throw new KubeErrors.CredentialsRejected(context, server, ApiErrors.words(e));
        }
        if (e.getCode() == 403) {
            throw new KubeErrors.Forbidden(verb, resource, namespace, ApiErrors.words(e));
        }
        if (ApiErrors.TRANSIENT.contains(e.getCode()) || e.getCode() <= 0) {
            throw new Inconclusive("the API server of context '" + context + "' did not give a usable answer to " + verb + " "
                    + resource + (namespace == null ? "" : " in namespace " + namespace) + " in " + answer.attempts() + " tries within "
                    + retry.budget().toSeconds() + " s (cluster.requestTimeout): " + (e.getCode() <= 0 ? Causes.describe(e) : ApiErrors.words(e)));
        }
        throw e;
    }

    int retries() {
        return retry.retries();
    }
}
