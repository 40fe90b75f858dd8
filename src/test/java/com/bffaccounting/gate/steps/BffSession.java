package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.evidence.Evidence;
import com.bffaccounting.gate.gating.TenantProbeResult;
import com.bffaccounting.gate.http.BffClient;
import com.bffaccounting.gate.http.HttpExchangeRecord;
import com.bffaccounting.gate.http.HttpReply;
import com.bffaccounting.gate.sut.BffTarget;
import org.picocontainer.Disposable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A scenario's conversation with the BFF: the client (created on first use, so scenarios that need no
 * BFF never require one), the last answer, the last probe results and the requests made per tenant.
 */
public final class BffSession implements Disposable {
    private final RunContext context;
    private final Evidence evidence;
    private BffClient client;
    private HttpReply lastReply;
    private String lastPath;
    private List<TenantProbeResult> lastProbe = List.of();
    private final Map<String, Integer> requestsByTenant = new LinkedHashMap<>();

    public BffSession(RunContext context, Evidence evidence) {
        this.context = context;
        this.evidence = evidence;
    }

    /** At the scenario's end (PicoContainer's lifecycle): the client's kept-alive connections are closed. */
    @Override
    public void dispose() {
        if (client != null) {
            client.close();
        }
    }

    public BffTarget target() {
        return context.targets().bff().require();
    }

    public BffClient client() {
        if (client == null) {
            BffTarget target = target();
            client = new BffClient(target.baseUrl(), context.settings().bff.httpTimeout(), context.run().redactor(),
                    target.portForwardTo().orElse(null), target.transportRefusal());
            evidence.add("HTTP exchanges with the BFF (" + target.reachedVia() + ")", this::exchangesText);
        }
        return client;
    }

    private String exchangesText() {
        return client.exchanges().stream().map(HttpExchangeRecord::toString)
                .collect(Collectors.joining("\n\n---\n\n"));
    }

    public void remember(String path, HttpReply reply) {
        this.lastPath = path;
        this.lastReply = reply;
    }

    public HttpReply lastReply() {
        if (lastReply == null) {
            throw new IllegalStateException("no BFF request was made before this step");
        }
        return lastReply;
    }

    public String lastPath() {
        return lastPath;
    }

    public void rememberProbe(List<TenantProbeResult> results) {
        lastProbe = List.copyOf(results);
        results.stream().filter(r -> r.reply().isPresent()).forEach(r -> requestsByTenant.merge(r.tenant(), 1, Integer::sum));
    }

    public List<TenantProbeResult> lastProbe() {
        return lastProbe;
    }

    public Map<String, Integer> requestsByTenant() {
        return Map.copyOf(requestsByTenant);
    }
}
