package com.bffaccounting.gate.run;

import com.bffaccounting.gate.config.ConfigException;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.evidence.Redactor;
import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.sut.RunComposer;
import com.bffaccounting.gate.sut.Targets;

import java.util.List;
import java.util.Optional;

/**
 * The run scope: settings and targets shared by every scenario of one run, created before the first
 * scenario and closed after the last (Cucumber's static BeforeAll/AfterAll hooks, see
 * {@code steps.RunHooks}). Scenario objects reach it through {@code steps.RunContext}.
 *
 * <p>A run whose targets cannot be built (a simulated pilot that does not start, a kubeconfig that
 * cannot be read) is still a run: it keeps that failure as one line, every scenario is NOT_RUN with it,
 * and verdict.json carries it as {@code run.error} — instead of one stack trace and 30 rows of "no
 * scenario ran".
 */
public final class GateRun implements AutoCloseable {
    private static GateRun current;

    private final Settings settings;
    private final Redactor redactor;
    private final Targets targets;
    private final String setupError;

    private GateRun(Settings settings, Targets targets, String setupError) {
        this.settings = settings;
        this.redactor = settings == null ? new Redactor(List.of()) : Redactor.of(settings);
        this.targets = targets;
        this.setupError = setupError == null ? null : redactor.redact(setupError);
        if (this.setupError != null) {
            RunFacts.put("run.error", this.setupError);
        }
    }

    public static synchronized GateRun start() {
        if (current == null) {
            RunFacts.clear();
            RunEndChecks.clear();
            current = build();
        }
        return current;
    }

    private static GateRun build() {
        Settings settings;
        try {
            settings = Settings.load();
        } catch (ConfigException e) {
            return new GateRun(null, null, "setting error: " + e.getMessage().lines().findFirst().orElse(""));
        }
        try {
            return new GateRun(settings, RunComposer.build(settings), null);
        } catch (RuntimeException e) {
            return new GateRun(settings, null, Causes.describe(e));
        }
    }

    public static synchronized GateRun current() {
        return start();
    }

    public static synchronized void stop() {
        if (current != null) {
            try {
                RunEndChecks.judgeAll(); // while the targets are still open
                current.close();
            } finally {
                current = null;
            }
        }
    }

    /** Why the run could not be set up, when it could not. */
    public Optional<String> setupError() {
        return Optional.ofNullable(setupError);
    }

    public Settings settings() {
        return settings;
    }

    public Redactor redactor() {
        return redactor;
    }

    public Targets targets() {
        return targets;
    }

    @Override
    public void close() {
        if (targets != null) {
            targets.close();
        }
    }
}
