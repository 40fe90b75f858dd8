package com.bffaccounting.gate.sut;

import com.bffaccounting.gate.config.Timeouts;
import com.bffaccounting.gate.io.Daemons;
import com.bffaccounting.gate.io.LoopbackPorts;
import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.prometheus.PrometheusClient;
import com.bffaccounting.gate.prometheus.PrometheusServer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A real Prometheus the suite starts for itself (in {@code env=sim}), started in the background before
 * the simulated pilot it scrapes, and before its alert rules are rendered (which needs Helm's native
 * library, most of a second cold). Why so early: Prometheus 2 hands its scrape targets over on a 5-second
 * tick, so its first scrape comes 5 to 6 s after it starts; started first, that wait overlaps the pilot's
 * start and the checks before C12 instead of adding to the run. The rules follow with
 * {@link #useRules(CompletableFuture)}.
 *
 * <p>Because it may scrape the target's port before anything listens there, {@link #client()} waits for a
 * scrape that began after {@link #targetListening(Instant)}, and an evaluation of the run's rules after it. Closing stops
 * the server whether or not it finished starting.
 */
final class SuitePrometheus implements AutoCloseable {
    private final CompletableFuture<PrometheusServer> started;
    private final Path binary;
    private final Duration queryTimeout;
    /** The rules last asked for, loaded (or failed to load) after those before them. */
    private CompletableFuture<Void> rulesLoaded = CompletableFuture.completedFuture(null);
    private PrometheusServer server;
    private final Object readiness = new Object();
    private volatile Instant targetListening;
    private PrometheusClient ready;
    private boolean closed;

    /** @param target host:port to scrape (nothing needs to listen there yet) */
    SuitePrometheus(Path binary, String target, Duration scrapeInterval, Duration queryTimeout) {
        this.binary = binary;
        this.queryTimeout = queryTimeout;
        int port = LoopbackPorts.free(); // here, not in the background thread: see LoopbackPorts.free
        this.started = CompletableFuture.supplyAsync(() -> keep(PrometheusServer.start(binary, target, scrapeInterval, port,
                Timeouts.PROMETHEUS_START)), runnable -> Daemons.start("suite-prometheus", runnable));
    }

    /**
     * Evaluates these rule groups once they are rendered and this Prometheus runs (reloaded only when they
     * differ from the ones it has). A failure to render or load them is {@link #client()}'s to report.
     */
    synchronized void useRules(CompletableFuture<String> rulesYaml) {
        rulesLoaded = rulesLoaded.handle((previous, failure) -> null)
                .thenCombine(started, (ignored, server) -> server)
                .thenAcceptBothAsync(rulesYaml, PrometheusServer::loadRules, runnable -> Daemons.start("suite-prometheus-rules", runnable));
    }

    Path binary() {
        return binary;
    }

    /** From {@code at} on, the scrape target listens: only scrapes that began then say anything about it. */
    void targetListening(Instant at) {
        targetListening = at;
    }

    /** The started Prometheus, once it has scraped the listening target and evaluated its rules after that. */
    PrometheusClient client() {
        synchronized (readiness) {
            return ready != null ? ready : awaitReady();
        }
    }

    private PrometheusClient awaitReady() {
        PrometheusServer server;
        try {
            server = started.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("the Prometheus started by the suite did not come up: " + Causes.describe(cause), cause);
        }
        try {
            rulesLoaded().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("the Prometheus started by the suite has no alert rules to evaluate: " + Causes.describe(cause), cause);
        }
        PrometheusClient client = new PrometheusClient(server.url(), queryTimeout);
        client.awaitFirstEvaluation(targetListening != null ? targetListening : Instant.now(), Timeouts.PROMETHEUS_START);
        ready = client;
        return client;
    }

    private synchronized CompletableFuture<Void> rulesLoaded() {
        return rulesLoaded;
    }

    private synchronized PrometheusServer keep(PrometheusServer server) {
        if (closed) {
            server.close();
            throw new IllegalStateException("the run ended before Prometheus was ready");
        }
        this.server = server;
        return server;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public String toString() {
        return "the Prometheus started by the suite";
    }
}
