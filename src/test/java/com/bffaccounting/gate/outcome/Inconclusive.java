package com.bffaccounting.gate.outcome;

import org.opentest4j.TestAbortedException;

/**
 * The check ran but its data cannot decide it (e.g. no sync calls yet, so no error rate). Skipped for
 * Cucumber, INCONCLUSIVE in the verdict, always with the reason.
 */
public class Inconclusive extends TestAbortedException {
    public static final String PREFIX = "inconclusive: ";

    public Inconclusive(String reason) {
        super(PREFIX + reason);
    }
}
