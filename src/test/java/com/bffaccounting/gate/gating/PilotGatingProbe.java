package com.bffaccounting.gate.gating;

import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.http.BffClient;
import com.bffaccounting.gate.http.HttpReply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The pilot gate, checked strictly by CONTRACT.md — the suite's replacement for
 * {@code verify_pilot_gating.sh}, which only warned on surprises. A pilot tenant must get 200 or a
 * role refusal (403 whose error_code is not the pilot code); any other tenant must get 403 with the
 * pilot error code and its own tenant echoed. Anything else — 401, 404, 5xx, no answer — is a
 * problem for that tenant.
 */
public final class PilotGatingProbe {
    private final BffClient client;
    private final Settings.Gating gating;

    public PilotGatingProbe(BffClient client, Settings.Gating gating) {
        this.client = client;
        this.gating = gating;
    }

    /** Probes every tenant with at most {@code gating.concurrency} requests in flight; results keep the input order. */
    public List<TenantProbeResult> probe(List<String> tenants, boolean mustBeLetThrough) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(gating.concurrency(), Math.max(1, tenants.size())));
        try {
            List<Future<TenantProbeResult>> futures = new ArrayList<>();
            for (String tenant : tenants) {
                futures.add(pool.submit(() -> probeOne(tenant, mustBeLetThrough)));
            }
            List<TenantProbeResult> results = new ArrayList<>();
            for (Future<TenantProbeResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("gating probe interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                    : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public TenantProbeResult probeOne(String tenant, boolean mustBeLetThrough) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(gating.tenantHeader(), tenant);
        headers.putAll(gating.probeHeaders());
        HttpReply reply = client.send(gating.probeMethod(), gating.probePath(), headers);
        return new TenantProbeResult(tenant, reply,
                mustBeLetThrough ? problemOfPilot(reply) : problemOfRefusal(tenant, reply));
    }

    Optional<String> problemOfPilot(HttpReply reply) {
        if (reply.status() == 200) {
            return Optional.empty();
        }
        if (reply.status() == 403) {
            Optional<String> code = reply.jsonText("error_code");
            if (code.isPresent() && code.get().equals(gating.deniedErrorCode())) {
                return Optional.of("refused with " + code.get() + " although it is on the allowlist");
            }
            return Optional.empty(); // a role refusal: the tenant passed the pilot gate
        }
        return Optional.of("answered " + reply.status() + " (expected 200, or 403 for a role reason) " + reply.bodyExcerpt());
    }

    Optional<String> problemOfRefusal(String tenant, HttpReply reply) {
        if (reply.status() == 200 || (reply.status() >= 200 && reply.status() < 300)) {
            return Optional.of("let through with " + reply.status() + " although it is not on the allowlist");
        }
        if (reply.status() != 403) {
            return Optional.of("answered " + reply.status() + " (expected 403 " + gating.deniedErrorCode() + ") "
                    + reply.bodyExcerpt());
        }
        if (reply.json().isEmpty()) {
            return Optional.of("403 without a JSON body (expected error_code " + gating.deniedErrorCode() + ")");
        }
        Optional<String> code = reply.jsonText("error_code");
        if (code.isEmpty() || !code.get().equals(gating.deniedErrorCode())) {
            return Optional.of("403 with error_code " + code.orElse("(none)") + " instead of " + gating.deniedErrorCode());
        }
        Optional<String> echoed = reply.jsonText("tenant");
        if (echoed.isEmpty() || !echoed.get().equals(tenant)) {
            return Optional.of("403 " + gating.deniedErrorCode() + " but the body's tenant is "
                    + echoed.map(t -> "'" + t + "'").orElse("missing") + " instead of '" + tenant + "'");
        }
        return Optional.empty();
    }
}
