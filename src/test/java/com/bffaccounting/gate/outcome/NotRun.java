package com.bffaccounting.gate.outcome;

import org.opentest4j.TestAbortedException;

/**
 * The check could not run here (no cluster, no Prometheus, no Docker, a verify-only run). Cucumber
 * reports it as skipped; the verdict reports it as NOT_RUN with this reason — never as passed.
 */
public class NotRun extends TestAbortedException {
    public NotRun(String reason) {
        super(reason);
    }
}
