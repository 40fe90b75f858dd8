package com.bffaccounting.gate.gating;

import com.bffaccounting.gate.http.HttpReply;

import com.bffaccounting.gate.outcome.Observation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one tenant's probe request got: an HTTP answer, or why there was none. It holds no judgement:
 * what the answer means depends on what the Then step expects ({@link GateExpectation}).
 */
public record TenantProbeResult(String tenant, Optional<HttpReply> reply, Optional<String> noAnswer) {
    public static TenantProbeResult answered(String tenant, HttpReply reply) {
        return new TenantProbeResult(tenant, Optional.of(reply), Optional.empty());
    }

    public static TenantProbeResult unanswered(String tenant, String why) {
        return new TenantProbeResult(tenant, Optional.empty(), Optional.of(why));
    }

    /** How many tenants a probe names one by one in its observations; the rest are counted by answer. */
    static final int NAMED = 12;

    /** The answer in a few words: "200", "403 TENANT_NOT_ENABLED", or "no answer: …". */
    public String answer() {
        return reply.map(r -> r.status() + r.jsonText("error_code").map(c -> " " + c).orElse(""))
                .orElseGet(() -> "no answer: " + noAnswer.orElse("?"));
    }

    /**
     * What C11.2 reports: each tenant with its answer, the first {@value #NAMED} by name, then the others
     * counted by answer (a 1,000-tenant probe stays a few lines).
     */
    public static List<Observation> observed(List<TenantProbeResult> probe) {
        List<Observation> seen = new ArrayList<>();
        probe.stream().limit(NAMED).forEach(r -> seen.add(Observation.fact("answer", r.answer()).of(r.tenant())
                .says(r.tenant() + " → " + r.answer())));
        if (probe.size() > NAMED) {
            Map<String, Long> others = probe.stream().skip(NAMED)
                    .collect(Collectors.groupingBy(TenantProbeResult::answer, LinkedHashMap::new, Collectors.counting()));
            others.forEach((answer, count) -> seen.add(Observation.note("… " + count + " more tenants → " + answer)));
        }
        return seen;
    }

    /** Refused by the pilot gate: 403 with the pilot error code. */
    public boolean refusedByGate(String deniedErrorCode) {
        return reply.filter(r -> r.status() == 403 && deniedErrorCode.equals(r.jsonText("error_code").orElse(null))).isPresent();
    }
}
