package com.bffaccounting.gate.sut;

import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.prometheus.PrometheusClient;
import com.bffaccounting.gate.prometheus.PrometheusServer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A real Prometheus the suite starts for itself (in {@code env=sim}), started as soon as the run is
 * composed and made ready in the background. Why not on first use: Prometheus 2 hands its scrape
 * targets over on a 5-second tick, so its first scrape and rule evaluation come 5 to 6 s after it starts;
 * started with the run, that wait overlaps the checks before C12 instead of adding to the run.
 *
 * <p>{@link #client()} waits for it; closing stops it whether or not it finished starting.
 */
final class SuitePrometheus implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final CompletableFuture<PrometheusClient> ready;
    private PrometheusServer server;
    private boolean closed;

    /**
     * @param onReady told the server's URL once it has scraped and evaluated its rules
     */
    SuitePrometheus(Path binary, String target, String rulesYaml, Duration scrapeInterval, Duration queryTimeout,
                    Consumer<URI> onReady) {
        this.ready = CompletableFuture.supplyAsync(() -> {
            PrometheusServer started = PrometheusServer.start(binary, target, rulesYaml, scrapeInterval, START_TIMEOUT);
            if (!keep(started)) {
                throw new IllegalStateException("the run ended before Prometheus was ready");
            }
            PrometheusClient client = new PrometheusClient(started.url(), queryTimeout);
            client.awaitFirstEvaluation(START_TIMEOUT);
            onReady.accept(started.url());
            return client;
        }, runnable -> {
            Thread thread = new Thread(runnable, "suite-prometheus");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The started Prometheus, once it has scraped its target and evaluated its rules. */
    PrometheusClient client() {
        try {
            return ready.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("the Prometheus started by the suite did not come up: " + Causes.describe(cause), cause);
        }
    }

    private synchronized boolean keep(PrometheusServer started) {
        if (closed) {
            started.close();
            return false;
        }
        server = started;
        return true;
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
