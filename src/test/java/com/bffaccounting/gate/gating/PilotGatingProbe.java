package com.bffaccounting.gate.gating;

import com.bffaccounting.gate.config.GatingSettings;
import com.bffaccounting.gate.http.BffClient;
import com.bffaccounting.gate.outcome.Unreachable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends the configured probe request once per tenant and records what came back — the suite's
 * replacement for {@code verify_pilot_gating.sh}. It judges nothing: {@link GateExpectation} does,
 * in the Then step.
 */
public final class PilotGatingProbe {
    private final BffClient client;
    private final GatingSettings gating;

    public PilotGatingProbe(BffClient client, GatingSettings gating) {
        this.client = client;
        this.gating = gating;
    }

    /** Probes every tenant with at most {@code gating.concurrency} requests in flight; results keep the input order. */
    public List<TenantProbeResult> probe(List<String> tenants) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(gating.concurrency(), Math.max(1, tenants.size())));
        try {
            List<Future<TenantProbeResult>> futures = new ArrayList<>();
            for (String tenant : tenants) {
                futures.add(pool.submit(() -> probeOne(tenant)));
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

    public TenantProbeResult probeOne(String tenant) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(gating.tenantHeader(), tenant);
        headers.putAll(gating.probeHeaders());
        try {
            return TenantProbeResult.answered(tenant, client.send(gating.probeMethod(), gating.probePath(), headers));
        } catch (Unreachable e) {
            return TenantProbeResult.unanswered(tenant, e.getMessage());
        }
    }
}
