package com.bffaccounting.gate.gating;

import com.bffaccounting.gate.http.HttpReply;

import java.util.Optional;

/** What one tenant's probe request got, and what is wrong with it (empty when it is as the contract says). */
public record TenantProbeResult(String tenant, HttpReply reply, Optional<String> problem) {
    public boolean ok() {
        return problem.isEmpty();
    }
}
