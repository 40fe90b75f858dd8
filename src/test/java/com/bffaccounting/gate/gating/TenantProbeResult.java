package com.bffaccounting.gate.gating;

import com.bffaccounting.gate.http.HttpReply;

import java.util.Optional;

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

    /** Refused by the pilot gate: 403 with the pilot error code. */
    public boolean refusedByGate(String deniedErrorCode) {
        return reply.filter(r -> r.status() == 403 && deniedErrorCode.equals(r.jsonText("error_code").orElse(null))).isPresent();
    }
}
