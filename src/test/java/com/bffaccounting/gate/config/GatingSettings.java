package com.bffaccounting.gate.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

import static com.bffaccounting.gate.config.SettingsCatalog.ALLOWLIST;
import static com.bffaccounting.gate.config.SettingsCatalog.CONCURRENCY;
import static com.bffaccounting.gate.config.SettingsCatalog.DENIED_ERROR_CODE;
import static com.bffaccounting.gate.config.SettingsCatalog.NON_PILOT_TENANTS;
import static com.bffaccounting.gate.config.SettingsCatalog.PROBE_HEADERS;
import static com.bffaccounting.gate.config.SettingsCatalog.PROBE_METHOD;
import static com.bffaccounting.gate.config.SettingsCatalog.PROBE_PATH;
import static com.bffaccounting.gate.config.SettingsCatalog.TENANT_HEADER;

/** The pilot's tenant gating (C11.2): who is let in, who must be refused, and the probe request. */
public record GatingSettings(List<String> allowlist, List<String> nonPilotTenants, String probeMethod,
                             String probePath, String tenantHeader, Map<String, String> probeHeaders,
                             String deniedErrorCode, int concurrency) {
    static GatingSettings read(SettingReader r) {
        List<String> allowlist = r.get(ALLOWLIST);
        if (allowlist.isEmpty()) {
            r.error("pilot.allowlist: '[]' lets every tenant in, which the pilot forbids — list the pilot tenants, e.g. '[\"default\",\"pilot-a\"]'");
        }
        List<String> nonPilot = r.get(NON_PILOT_TENANTS);
        for (String tenant : nonPilot) {
            r.require(!allowlist.contains(tenant),
                    "pilot.nonPilotTenants: '" + tenant + "' is also in pilot.allowlist — a tenant cannot be both");
        }
        return new GatingSettings(allowlist, nonPilot, r.get(PROBE_METHOD), r.get(PROBE_PATH), r.get(TENANT_HEADER),
                r.get(PROBE_HEADERS), r.get(DENIED_ERROR_CODE), r.get(CONCURRENCY));
    }

    /** The allowlist as the container gets it: a JSON array string. */
    public String allowlistJson() {
        try {
            return new ObjectMapper().writeValueAsString(allowlist);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
