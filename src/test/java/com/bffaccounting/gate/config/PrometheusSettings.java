package com.bffaccounting.gate.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static com.bffaccounting.gate.config.SettingsCatalog.PROMETHEUS_BINARY;
import static com.bffaccounting.gate.config.SettingsCatalog.PROMETHEUS_QUERY_TIMEOUT;
import static com.bffaccounting.gate.config.SettingsCatalog.PROMETHEUS_REQUIRED;
import static com.bffaccounting.gate.config.SettingsCatalog.PROMETHEUS_SCRAPE_INTERVAL;
import static com.bffaccounting.gate.config.SettingsCatalog.PROMETHEUS_SERVICE;
import static com.bffaccounting.gate.config.SettingsCatalog.PROMETHEUS_URL;

/**
 * The Prometheus the C12 checks query.
 *
 * @param service a Prometheus inside the cluster, {@code NAMESPACE/NAME:PORT}: reached by a port-forward to a
 *                ready pod behind that Service (the common case: no ingress to Prometheus)
 */
public record PrometheusSettings(Optional<URI> url, Duration scrapeInterval, Duration queryTimeout,
                                 Optional<String> binary, boolean required, Optional<ServiceRef> service) {
    static PrometheusSettings read(SettingReader r) {
        PrometheusSettings prometheus = new PrometheusSettings(r.optional(PROMETHEUS_URL), r.get(PROMETHEUS_SCRAPE_INTERVAL),
                r.get(PROMETHEUS_QUERY_TIMEOUT), r.optional(PROMETHEUS_BINARY), r.get(PROMETHEUS_REQUIRED), r.optional(PROMETHEUS_SERVICE));
        r.require(prometheus.url().isEmpty() || prometheus.service().isEmpty(),
                "prometheus.url and prometheus.service: give one — the URL of a Prometheus you can reach, or its Service in the cluster");
        return prometheus;
    }
}
