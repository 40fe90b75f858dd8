package com.bffaccounting.gate.sim.prometheus;

import com.bffaccounting.gate.config.Timeouts;
import com.bffaccounting.gate.io.Daemons;
import com.bffaccounting.gate.io.LoopbackPorts;
import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.prometheus.PrometheusClient;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The simulated pilot's Prometheus: a real {@code prometheus} (Debian's binary) scraping SimBff and evaluating
 * the chart's own alert rules, in the style of Testcontainers' modules — {@link #start}, {@link #useRules},
 * {@link #pointTo}, {@link #client}, {@link #close}.
 *
 * <p>Why it is started before the pilot it scrapes: Prometheus 2 hands its scrape targets over on a five-second
 * tick, so its first scrape comes 5 to 6 s after it starts. It scrapes its own {@link ScrapeRelay}, which refuses
 * connections until {@link #pointTo} names SimBff (Prometheus records {@code up == 0}) and then relays to it, so
 * it can start — and sit out that wait — before SimBff has a port; {@link #client()} waits for a scrape that
 * began after {@code pointTo}, and an evaluation of the run's rules after it.
 *
 * <p>A JVM that composes run after run (the self-tests: the fault matrix is forty runs) would wait that tick out
 * every time: from its second run on, {@code pointTo} also starts the next run's Prometheus (the spare, with this
 * run's rules), which {@link #start} hands out when its key fits. A spare's store holds nothing but {@code up == 0}
 * from before its own relay was pointed, so a run never sees another's data; a single gate run never starts a
 * Prometheus it does not use.
 */
public final class SimPrometheus implements AutoCloseable {
    /** What makes two of them interchangeable. */
    public record Key(Path binary, Duration scrapeInterval, Duration queryTimeout) {
    }

    private static SimPrometheus spare;
    private static boolean startedBefore;

    private final Key key;
    private final ScrapeRelay relay = new ScrapeRelay();
    private final CompletableFuture<PrometheusProcess> started;
    /** The rules last asked for, loaded (or failed to load) after those before them. */
    private CompletableFuture<Void> rulesLoaded = CompletableFuture.completedFuture(null);
    private CompletableFuture<String> rules;
    private PrometheusProcess process;
    private final Object readiness = new Object();
    private volatile Instant targetListening;
    private PrometheusClient ready;
    private boolean closed;

    private SimPrometheus(Key key) {
        this.key = key;
        int port = LoopbackPorts.free(); // here, not in the background thread: see LoopbackPorts.free
        this.started = CompletableFuture.supplyAsync(() -> keep(PrometheusProcess.start(key.binary(), relay.address(), key.scrapeInterval(),
                port, Timeouts.PROMETHEUS_START)), runnable -> Daemons.start("sim-prometheus", runnable));
    }

    /** A Prometheus for one run — the spare when it fits, else one started now — that evaluates {@code rules} once rendered. */
    public static SimPrometheus start(Key key, CompletableFuture<String> rules) {
        SimPrometheus prometheus = spareOrNew(key);
        prometheus.useRules(rules);
        return prometheus;
    }

    private static synchronized SimPrometheus spareOrNew(Key key) {
        if (spare != null && key.equals(spare.key)) {
            SimPrometheus taken = spare;
            spare = null;
            return taken;
        }
        if (spare != null) {
            spare.close(); // another binary or other intervals: stopped, not used
            spare = null;
        }
        return new SimPrometheus(key);
    }

    /**
     * Evaluates these rule groups once they are rendered and this Prometheus runs (reloaded only when they
     * differ from the ones it has). A failure to render or load them is {@link #client()}'s to report.
     */
    public synchronized void useRules(CompletableFuture<String> rulesYaml) {
        rules = rulesYaml;
        rulesLoaded = rulesLoaded.handle((previous, failure) -> null)
                .thenCombine(started, (ignored, server) -> server)
                .thenAcceptBothAsync(rulesYaml, PrometheusProcess::loadRules, runnable -> Daemons.start("sim-prometheus-rules", runnable));
    }

    /**
     * From now on it scrapes {@code bff}, which listens: only scrapes that begin now say anything about it. From
     * this JVM's second run on, the next run's Prometheus starts now too.
     */
    public void pointTo(InetSocketAddress bff) {
        relay.pointTo(bff);
        targetListening = Instant.now();
        prepareNext(key, currentRules());
    }

    private static synchronized void prepareNext(Key key, CompletableFuture<String> rules) {
        if (startedBefore && spare == null) {
            spare = new SimPrometheus(key);
            spare.useRules(rules);
        }
        startedBefore = true;
    }

    private synchronized CompletableFuture<String> currentRules() {
        return rules;
    }

    public Path binary() {
        return key.binary();
    }

    /** This Prometheus, once it has scraped the listening BFF and evaluated its rules after that. */
    public PrometheusClient client() {
        synchronized (readiness) {
            return ready != null ? ready : awaitReady();
        }
    }

    private PrometheusClient awaitReady() {
        PrometheusProcess server;
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
        PrometheusClient client = new PrometheusClient(server.url(), key.queryTimeout());
        client.awaitFirstEvaluation(targetListening != null ? targetListening : Instant.now(), Timeouts.PROMETHEUS_START);
        ready = client;
        return client;
    }

    private synchronized CompletableFuture<Void> rulesLoaded() {
        return rulesLoaded;
    }

    private synchronized PrometheusProcess keep(PrometheusProcess started) {
        if (closed) {
            started.close();
            throw new IllegalStateException("the run ended before Prometheus was ready");
        }
        this.process = started;
        return started;
    }

    /** Stops the server (whether or not it finished starting) and its relay. */
    @Override
    public synchronized void close() {
        closed = true;
        if (process != null) {
            process.close();
            process = null;
        }
        relay.close();
    }

    @Override
    public String toString() {
        return "the Prometheus started by the suite";
    }
}
