package com.bffaccounting.gate.prometheus;

import com.bffaccounting.gate.http.StatusProbe;
import com.bffaccounting.gate.io.Trees;
import com.bffaccounting.gate.waits.Timeout;
import com.bffaccounting.gate.waits.Wait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus} binary) on a free loopback port, scraping one target
 * and evaluating the chart's alert rules — the sim's stand-in for the cluster's monitoring, with the
 * real query engine and alert lifecycle. Stopped (and its data deleted) when closed, and at the latest
 * when the JVM exits (a run stopped with Ctrl-C must not leave a Prometheus behind).
 */
public final class PrometheusServer implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final URI url;
    private final Thread stopOnExit;

    private PrometheusServer(Process process, Path dir, URI url) {
        this.process = process;
        this.dir = dir;
        this.url = url;
        this.stopOnExit = new Thread(process::destroyForcibly, "stop-prometheus-on-exit");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * @param binary         the prometheus executable
     * @param target         host:port of the BFF to scrape
     * @param rulesYaml      rule groups ({@code groups:}) to evaluate
     * @param scrapeInterval scrape and rule-evaluation interval
     * @param port           its loopback web port (free: {@code io.LoopbackPorts})
     */
    public static PrometheusServer start(Path binary, String target, String rulesYaml, Duration scrapeInterval, int port,
                                         Timeout startTimeout) {
        Path dir;
        try {
            dir = Files.createTempDirectory("release-gate-prometheus");
            Files.writeString(dir.resolve("rules.yml"), rulesYaml);
            String interval = Math.max(1, scrapeInterval.toSeconds()) + "s";
            Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: " + interval + "\n  evaluation_interval: "
                    + interval + "\nrule_files:\n  - rules.yml\nscrape_configs:\n  - job_name: bff-accounting\n    metrics_path: /metrics\n"
                    + "    static_configs:\n      - targets: ['" + target + "']\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a Prometheus configuration", e);
        }
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn"));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        PrometheusServer server = new PrometheusServer(process, dir, URI.create("http://127.0.0.1:" + port));
        try {
            server.awaitReady(startTimeout);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady(Timeout timeout) {
        StatusProbe ready = new StatusProbe(url.resolve("/-/ready"), Duration.ofSeconds(1));
        Wait.Outcome<String> answered = Wait.until("Prometheus at " + url + " to be ready", ready::status)
                .within(timeout)
                .stoppingEarlyWhen(answer -> !process.isAlive())
                .poll("200"::equals);
        if (answered.stopped()) {
            throw new IllegalStateException("prometheus exited with " + process.exitValue() + ": " + log());
        }
        if (answered.timedOut()) {
            throw new IllegalStateException(answered.timeoutMessage() + "; its log: " + log());
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("prometheus.log")).replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "(no log)";
        }
    }

    public URI url() {
        return url;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook stops the process
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Trees.delete(dir);
        } catch (IOException e) {
            // a leftover temp directory is harmless; the process is what must not outlive the run
        }
    }
}
