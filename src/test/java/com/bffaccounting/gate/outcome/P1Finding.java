package com.bffaccounting.gate.outcome;

/**
 * A failure the customer classifies as P1 (an ExternalSyncStale alert still firing after the P1
 * window). It fails the scenario like any check; the verdict and the report mark it P1.
 */
public class P1Finding extends CheckFailed {
    public P1Finding(String message) {
        super("P1: " + message);
    }
}
