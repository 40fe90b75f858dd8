package com.bffaccounting.gate.outcome;

/**
 * The status of one check in the verdict, worst first. This is the suite's one outcome vocabulary:
 * {@link Outcomes#statusOf(Throwable)} decides it from the type a check throws, and every report
 * (verdict.json, the console, Allure's status, label and category) is derived from it.
 */
public enum CheckStatus {
    /** The release fails a check the customer classifies P1. */
    P1("failed", "P1 — ExternalSyncStale not resolved in time"),
    /** The release is at fault. */
    FAIL("failed", "Product defects — the release fails the checklist"),
    /** The suite could not reach or use what the check needs, so the release was not judged on it. */
    INCONCLUSIVE("broken", "Inconclusive — infrastructure or data could not decide"),
    /** This run lacks what the check needs (no cluster, no Prometheus, a verify-only run). */
    NOT_RUN("skipped", "Not run — this run lacks what the check needs"),
    PASS("passed", null);

    private final String allureStatus;
    private final String allureCategory;

    CheckStatus(String allureStatus, String allureCategory) {
        this.allureStatus = allureStatus;
        this.allureCategory = allureCategory;
    }

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

    /** Allure's status for it: a check that could not decide is "broken" (yellow), not a product failure. */
    public String allureStatus() {
        return allureStatus;
    }

    /** The name of the Allure category that collects it (categories.json matches {@link #traceLine()}). */
    public String allureCategory() {
        return allureCategory;
    }

    /** The line the Allure listener writes as the result's trace, which the categories match. */
    public String traceLine() {
        return "outcome: " + name();
    }
}
