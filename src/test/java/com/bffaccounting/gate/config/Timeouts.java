package com.bffaccounting.gate.config;

import com.bffaccounting.gate.waits.Timeout;

import java.time.Duration;

/**
 * The named timeouts of the suite's waits ({@link com.bffaccounting.gate.waits.Wait}), each taken from
 * the setting it names — the e2e framework's TimeoutContext for this suite.
 */
public final class Timeouts {
    /** Prometheus is a local process here; thirty seconds covers a slow disk, and it is asked often. */
    public static final Timeout PROMETHEUS_START = new Timeout("Prometheus start", Duration.ofSeconds(30), "fixed")
            .polledEvery(Duration.ofMillis(200));
    /** A query answer may lag the alert's state by an evaluation or two; this covers both, and a slow answer. */
    private static final Duration ALERT_EVALUATION_MARGIN = Duration.ofSeconds(30);

    private final Settings settings;

    Timeouts(Settings settings) {
        this.settings = settings;
    }

    /**
     * A rollout: every pod of the Deployment ready (Helm's own timeout, which the customer's deploy uses),
     * looked at four times per fail-fast grace, so that a lasting problem ends the wait soon after its grace.
     */
    public Timeout rollout() {
        return new Timeout("rollout", settings.cluster.helmTimeout(), "helm.timeout")
                .polledEvery(settings.cluster.failFastAfter().dividedBy(4));
    }

    /** A log line that the BFF writes after answering. */
    public Timeout logArrival() {
        return new Timeout("log arrival", settings.log.waitTimeout(), "log.waitTimeout");
    }

    /** ExternalSyncStale: the P1 window from the moment the alert became active. */
    public Timeout alertWindow() {
        return new Timeout("alert P1 window", settings.sync.p1Window(), "alert.p1Window")
                .plus(ALERT_EVALUATION_MARGIN, "30 s for Prometheus to evaluate and answer");
    }

    /** A BFF the suite starts (a process or a container) answering its health path. */
    public Timeout bffStart() {
        return new Timeout("BFF start", settings.bff.startTimeout(), "bff.startTimeout");
    }

    /** A rate needs two samples of each series: three scrape intervals, and at least five seconds. */
    public Timeout prometheusSamples() {
        Duration threeScrapes = settings.prometheus.scrapeInterval().multipliedBy(3);
        Duration settle = threeScrapes.compareTo(Duration.ofSeconds(5)) > 0 ? threeScrapes : Duration.ofSeconds(5);
        return new Timeout("Prometheus samples", settle, "3 × prometheus.scrapeInterval, at least 5 s");
    }
}
