package com.bffaccounting.gate.run;

import com.bffaccounting.gate.config.ConfigException;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.evidence.Redactor;
import com.bffaccounting.gate.model.RunFacts;
import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.sut.RunComposer;
import com.bffaccounting.gate.sut.Targets;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run scope: settings, targets, facts and end-of-run checks shared by every scenario of one run,
 * created before the first scenario and closed after the last (Cucumber's static BeforeAll/AfterAll
 * hooks, see {@code steps.RunHooks}). The glue gets it by constructor injection ({@link RunScopeProvider});
 * the verdict plugin, which Cucumber creates apart from the glue, reads {@link #lastFinished()}.
 *
 * <p>A run whose targets cannot be built (a simulated pilot that does not start, a kubeconfig that
 * cannot be read) is still a run: it keeps that failure as one line, every scenario is NOT_RUN with it,
 * and verdict.json carries it as {@code run.error} — instead of one stack trace and 30 rows of "no
 * scenario ran".
 *
 * <p>The two statics below are the only ones: Cucumber's run hooks are static, and its plugins live
 * outside the glue's container.
 */
public final class GateRun implements AutoCloseable {
    private static GateRun current;
    private static Finished lastFinished;

    private final Settings settings;
    private final Redactor redactor;
    private final RunFacts facts;
    private final RunEndChecks endChecks = new RunEndChecks();
    private final Targets targets;
    private final String setupError;

    /** What the verdict needs from a run that has ended: its settings (absent when they were invalid), facts and end-of-run judgements. */
    public record Finished(Optional<Settings> settings, Map<String, String> facts, List<RunEndChecks.Judgement> judgements) {
    }

    private GateRun(Settings settings, RunFacts facts, Targets targets, String setupError) {
        this.settings = settings;
        this.redactor = settings == null ? new Redactor(List.of()) : settings.redactor();
        this.facts = facts;
        this.targets = targets;
        this.setupError = setupError == null ? null : redactor.redact(setupError);
        if (this.setupError != null) {
            facts.runError(this.setupError);
        }
    }

    public static synchronized GateRun start() {
        if (current == null) {
            lastFinished = null;
            current = build();
        }
        return current;
    }

    private static GateRun build() {
        RunFacts facts = new RunFacts();
        Settings settings;
        try {
            settings = Settings.load();
        } catch (ConfigException e) {
            return new GateRun(null, facts, null, "setting error: " + e.getMessage().lines().findFirst().orElse(""));
        }
        try {
            return new GateRun(settings, facts, RunComposer.build(settings, facts), null);
        } catch (RuntimeException e) {
            return new GateRun(settings, facts, null, Causes.describe(e));
        }
    }

    /** The run in progress, started if need be — for {@link RunScopeProvider} and the run hooks. */
    static synchronized GateRun current() {
        return start();
    }

    public static synchronized void stop() {
        if (current != null) {
            try {
                current.endChecks.judgeAll(); // while the targets are still open
                current.close();
            } finally {
                lastFinished = new Finished(Optional.ofNullable(current.settings), current.facts.snapshot(), current.endChecks.judged());
                current = null;
            }
        }
    }

    /** The run that ended last in this JVM, for the verdict written after it; empty while one runs or before any. */
    public static synchronized Optional<Finished> lastFinished() {
        return Optional.ofNullable(lastFinished);
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

    public RunFacts facts() {
        return facts;
    }

    public RunEndChecks endChecks() {
        return endChecks;
    }

    @Override
    public void close() {
        if (targets != null) {
            targets.close();
        }
    }
}
