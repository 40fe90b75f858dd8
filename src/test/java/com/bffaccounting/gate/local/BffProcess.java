package com.bffaccounting.gate.local;

import com.bffaccounting.gate.http.StatusProbe;
import com.bffaccounting.gate.io.Daemons;
import com.bffaccounting.gate.logs.LogSource;
import com.bffaccounting.gate.waits.Timeout;
import com.bffaccounting.gate.waits.Wait;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A BFF started by the suite as a local process ({@code -Dbff.command}), as the checklist's local
 * test does: {@code node dist/index.js} with {@code OS_TENANT_ALLOWLIST_JSON}, {@code USE_PG},
 * {@code DATABASE_URL} and {@code PORT} set. Its stdout and stderr are the BFF log. Closing it stops
 * the whole process tree, so no BFF outlives the run.
 */
public final class BffProcess implements AutoCloseable, LogSource {
    /** How much of its output a start failure quotes. */
    private static final int LAST_LINES = 20;

    private final String command;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread pump;
    private final Thread onExit;

    private BffProcess(String command, Process process) {
        this.command = command;
        this.process = process;
        this.pump = Daemons.start("bff-process-log", this::pumpOutput);
        // however the run ends — Ctrl-C, a SIGTERM to Maven or to this JVM, Maven gone (Failsafe's fork then
        // exits) — the BFF it started goes with it, and the console says which one
        this.onExit = new Thread(() -> {
            if (process.isAlive()) {
                String pids = String.join(", ", tree().stream().map(h -> Long.toString(h.pid())).toList());
                stopTree();
                System.err.println("[release-gate] stopped the BFF the suite started: '" + command + "' (pids " + pids + ")");
            }
        }, "release-gate BFF stop");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * Starts {@code command} through {@code sh -c} in {@code workdir} and waits until
     * {@code healthUrl} answers 200; fails at once if the process exits first.
     */
    public static BffProcess start(String command, Path workdir, Map<String, String> environment,
                                   URI healthUrl, Timeout startTimeout) {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                .directory(workdir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StartFailed("bff.command: cannot start '" + command + "' in " + workdir.toAbsolutePath()
                    + ": " + e.getMessage());
        }
        BffProcess bff = new BffProcess(command, process);
        try {
            bff.awaitHealthy(healthUrl, startTimeout);
        } catch (RuntimeException e) {
            bff.close();
            throw e;
        }
        return bff;
    }

    private void awaitHealthy(URI healthUrl, Timeout timeout) {
        StatusProbe health = new StatusProbe(healthUrl, Duration.ofSeconds(2));
        Wait.Outcome<String> answered = Wait.until("BFF process '" + command + "' to answer " + healthUrl, health::status)
                .within(timeout)
                .stoppingEarlyWhen(answer -> !process.isAlive())
                .poll("200"::equals);
        if (answered.stopped()) {
            throw new StartFailed("BFF process '" + command + "' exited with code "
                    + process.exitValue() + " before answering " + healthUrl + "; " + lastOutput());
        }
        if (answered.timedOut()) {
            throw new StartFailed("BFF process '" + command + "' did not answer 200 on " + healthUrl
                    + " within " + timeout.describe() + " (last: " + answered.last() + "); " + lastOutput());
        }
    }

    private void pumpOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the stream closes when the process is stopped; what was read stays in the log
        }
    }

    /** The last lines it wrote, for the one line that says why it did not start. */
    private String lastOutput() {
        try {
            pump.join(500); // an exited process's last lines may still be in the pipe
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> last = tail(LAST_LINES);
        return last.isEmpty() ? "it wrote nothing" : "last output: " + String.join(" | ", last);
    }

    private List<String> tail(int n) {
        synchronized (lines) {
            return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
    }

    @Override
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public String describe() {
        return "stdout/stderr of '" + command + "'";
    }

    /** The process did not come up; the message says how (exit code and last output, or no answer in time). */
    public static final class StartFailed extends RuntimeException {
        StartFailed(String message) {
            super(message);
        }
    }

    /** Stops the process and every descendant (npm/sh wrappers start node as a child), then waits. */
    @Override
    public void close() {
        stopTree();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting already: the hook is what called this, or will find nothing left
        }
    }

    private List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        return tree;
    }

    /** TERM to the whole tree, then KILL to whatever is still there after a grace. */
    private void stopTree() {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
