package com.bffaccounting.gate.run;

import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.evidence.Redactor;
import com.bffaccounting.gate.target.TargetFactory;
import com.bffaccounting.gate.target.Targets;

/**
 * The run scope: settings and targets shared by every scenario of one run, created before the first
 * scenario and closed after the last (Cucumber's static BeforeAll/AfterAll hooks, see
 * {@code steps.RunHooks}). Scenario objects reach it through {@code steps.RunContext}.
 *
 * <p>A failure to build the targets (a BFF process that does not start) is kept and rethrown to every
 * scenario that needs it, with its message: one broken prerequisite must not read as many passes.
 */
public final class GateRun implements AutoCloseable {
    private static GateRun current;

    private final Settings settings;
    private final Redactor redactor;
    private final Targets targets;

    private GateRun(Settings settings, Targets targets) {
        this.settings = settings;
        this.redactor = Redactor.of(settings);
        this.targets = targets;
    }

    public static synchronized GateRun start() {
        if (current == null) {
            RunFacts.clear();
            Settings settings = Settings.load();
            current = new GateRun(settings, TargetFactory.build(settings));
        }
        return current;
    }

    public static synchronized GateRun current() {
        return start();
    }

    public static synchronized void stop() {
        if (current != null) {
            try {
                current.close();
            } finally {
                current = null;
            }
        }
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
        targets.close();
    }
}
