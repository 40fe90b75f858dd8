package com.bffaccounting.gate.run;

import com.bffaccounting.gate.evidence.Redactor;
import io.cucumber.picocontainer.CucumberPicoProvider;
import org.picocontainer.injectors.Provider;

/**
 * Gives the glue the run scope by constructor injection (PicoContainer): a step class or {@code Evidence}
 * that takes a {@link GateRun} or a {@link Redactor} gets this run's — the run statics stay in this package.
 */
public final class RunScopeProvider {
    private RunScopeProvider() {
    }

    /** The run in progress. */
    @CucumberPicoProvider
    public static final class Run implements Provider {
        public GateRun provide() {
            return GateRun.current();
        }
    }

    /** The run's redactor: every configured secret, and the shapes of secrets. */
    @CucumberPicoProvider
    public static final class RunRedactor implements Provider {
        public Redactor provide(GateRun run) {
            return run.redactor();
        }
    }
}
