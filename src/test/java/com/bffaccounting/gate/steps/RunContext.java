package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.run.GateRun;
import com.bffaccounting.gate.target.Targets;

/** A scenario's view of the run scope: settings and targets, injected into step classes. */
public final class RunContext {
    private final GateRun run;

    public RunContext() {
        this.run = GateRun.current();
    }

    public Settings settings() {
        return run.settings();
    }

    public Targets targets() {
        return run.targets();
    }

    public GateRun run() {
        return run;
    }
}
