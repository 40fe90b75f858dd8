package com.bffaccounting.gate.outcome;

/**
 * The release decision ({@code overall} in verdict.json), made from the worst line. The one place that
 * says what fails the gate: {@link #failsTheGate(boolean)}.
 */
public enum Decision {
    /** Every checklist line passed: the release may go. */
    PASS("통과 — go"),
    /** A line failed (FAIL or P1): the release is at fault. */
    FAIL("불합격 — no-go"),
    /** Nothing failed, but a line was not judged (INCONCLUSIVE, NOT_RUN), or the run could not be set up. */
    INCOMPLETE("판정 미완료 — not decided");

    private final String meaning;

    Decision(String meaning) {
        this.meaning = meaning;
    }

    /** From the worst line's status; a run that could not be set up decided nothing. */
    public static Decision of(CheckStatus worst, boolean runSetUp) {
        if (worst.failsTheGate()) {
            return FAIL;
        }
        return worst.incomplete() || !runSetUp ? INCOMPLETE : PASS;
    }

    /** Whether this decision keeps the release out: FAIL always, INCOMPLETE when {@code gate.failOnIncomplete} says so. */
    public boolean failsTheGate(boolean failOnIncomplete) {
        return this == FAIL || (this == INCOMPLETE && failOnIncomplete);
    }

    /** Whether a line with this status is one the decision blames: the failures, and under INCOMPLETE what was not judged. */
    public boolean blames(CheckStatus line) {
        return line.failsTheGate() || (this == INCOMPLETE && line.incomplete());
    }

    /** The decision in the stakeholders' words (Korean first, as the page reads). */
    public String meaning() {
        return meaning;
    }
}
