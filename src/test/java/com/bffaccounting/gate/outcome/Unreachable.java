package com.bffaccounting.gate.outcome;

/**
 * Infrastructure: something the suite needs gave no answer at all (connection refused, timeout, DNS).
 * INCONCLUSIVE wherever it escapes; a check whose own words are "it answers" (C11.1) turns it into a
 * {@link CheckFailed} itself.
 */
public class Unreachable extends Inconclusive {
    private final String target;
    private final String why;

    /** @param target what did not answer, as a person would name it (a URL, "the API server at …") */
    public Unreachable(String target, String cause) {
        super("no answer from " + target + " (" + cause + ")");
        this.target = target;
        this.why = cause;
    }

    /** Why there was no answer ("connection refused", "timed out"). */
    public String why() {
        return why;
    }

    public String target() {
        return target;
    }
}
