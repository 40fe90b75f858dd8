package com.bffaccounting.gate.sim.prometheus;

import com.bffaccounting.gate.http.PlainHttp;
import com.bffaccounting.gate.prometheus.PromDurations;
import com.bffaccounting.gate.http.StatusProbe;
import com.bffaccounting.gate.io.Trees;
import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.waits.Timeout;
import com.bffaccounting.gate.waits.Wait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Prometheus (Debian's {@code prometheus} binary) on a free loopback port, scraping one target
 * and evaluating the chart's alert rules — the sim's stand-in for the cluster's monitoring, with the
 * real query engine and alert lifecycle. It starts with no rules and is given them with
 * {@link #loadRules(String)} (a reload): rendering them needs Helm, and Prometheus's first scrape comes
 * five seconds after it starts whatever it waits for. Stopped (and its data deleted) when closed, and at
 * the latest when the JVM exits (a run stopped with Ctrl-C must not leave a Prometheus behind).
 */
final class PrometheusProcess implements AutoCloseable {
    private static final String NO_RULES = "groups: []\n";
    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    private static final Pattern LOGGED_ERROR = Pattern.compile("err=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private final Process process;
    private final Path dir;
    private final URI url;
    private final Thread stopOnExit;
    private String rules = NO_RULES;

    private PrometheusProcess(Process process, Path dir, URI url) {
        this.process = process;
        this.dir = dir;
        this.url = url;
        this.stopOnExit = new Thread(this::stopAtExit, "stop-prometheus-on-exit");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** A JVM that exits with this server running (a spare, a run stopped with Ctrl-C): kill it, and leave no data behind. */
    private void stopAtExit() {
        try {
            process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteData();
    }

    /**
     * @param binary         the prometheus executable
     * @param target         host:port of the BFF to scrape
     * @param scrapeInterval scrape and rule-evaluation interval
     * @param port           its loopback web port (free: {@code io.LoopbackPorts})
     */
    static PrometheusProcess start(Path binary, String target, Duration scrapeInterval, int port, Timeout startTimeout) {
        Path dir;
        try {
            dir = Files.createTempDirectory("release-gate-prometheus");
            Files.writeString(dir.resolve("rules.yml"), NO_RULES);
            String interval = PromDurations.of(scrapeInterval.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : scrapeInterval);
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
                "--web.enable-lifecycle", // POST /-/reload loads the rules; it listens on loopback only
                "--log.level=warn"));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        PrometheusProcess server = new PrometheusProcess(process, dir, URI.create("http://127.0.0.1:" + port));
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

    /**
     * Evaluates these rule groups ({@code groups:}) from now on: written and reloaded when they differ
     * from the loaded ones. Throws with Prometheus's own reason when it rejects them.
     */
    synchronized void loadRules(String rulesYaml) {
        if (rulesYaml.equals(rules)) {
            return;
        }
        try {
            Path next = dir.resolve("rules.yml.next");
            Files.writeString(next, rulesYaml);
            Files.move(next, dir.resolve("rules.yml"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            int logBefore = log().length();
            PlainHttp.Reply answer = PlainHttp.send("POST", url.resolve("/-/reload"), Map.of(), new byte[0], Duration.ofSeconds(10));
            if (answer.status() != 200) {
                // its answer only says that the reload failed; why is in its log ("loading groups failed" err="...")
                String log = log();
                Matcher why = LOGGED_ERROR.matcher(log.substring(Math.min(logBefore, log.length())));
                throw new IllegalStateException("Prometheus rejected the alert rules: "
                        + (why.find() ? why.group(1).replace("\\\"", "\"").replace(dir + "/", "") : answer.body().replaceAll("\\s+", " ").strip()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the alert rules into Prometheus at " + url + ": " + Causes.describe(e), e);
        }
        rules = rulesYaml;
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("prometheus.log")).replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "(no log)";
        }
    }

    URI url() {
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
        deleteData();
    }

    private void deleteData() {
        try {
            Trees.delete(dir);
        } catch (IOException e) {
            // a leftover temp directory is harmless; the process is what must not outlive the run
        }
    }
}
