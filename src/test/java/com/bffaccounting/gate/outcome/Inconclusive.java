package com.bffaccounting.gate.outcome;

import org.opentest4j.TestAbortedException;

/**
 * The check could not be decided: the suite could not reach or use what it needs (a registry, the
 * API server, Prometheus, the BFF), or the probe was not authorised, or the data cannot decide. Never
 * a FAIL and never a pass: INCONCLUSIVE in the verdict, always with what and why.
 */
public class Inconclusive extends TestAbortedException {
    public Inconclusive(String reason) {
        super(reason);
    }
}
