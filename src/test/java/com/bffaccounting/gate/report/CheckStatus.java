package com.bffaccounting.gate.report;

/** The status of one checklist ID or scenario in the verdict, worst first. */
public enum CheckStatus {
    P1, FAIL, INCONCLUSIVE, NOT_RUN, PASS;

    public boolean failsTheGate() {
        return this == P1 || this == FAIL;
    }

    public boolean incomplete() {
        return this == INCONCLUSIVE || this == NOT_RUN;
    }

    /** The worse of two: P1 over FAIL over INCONCLUSIVE over NOT_RUN over PASS. */
    public CheckStatus worse(CheckStatus other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
