package com.bffaccounting.gate.config;

/** C11.4: the request counter and its tenant label. */
public record MetricsSettings(String requestsCounter, String tenantLabel) {
    static MetricsSettings read(SettingReader r) {
        return new MetricsSettings(r.get(SettingsCatalog.REQUESTS_COUNTER), r.get(SettingsCatalog.TENANT_LABEL));
    }
}
