package com.bffaccounting.gate.outcome;

import org.opentest4j.TestAbortedException;

/**
 * The one place that decides a check's status, by the type it threw — never by its message. The
 * verdict, the self-tests and the Allure listener all ask here.
 */
public final class Outcomes {
    private Outcomes() {
    }

    /** PASS for no error; otherwise the status the error's type stands for. */
    public static CheckStatus statusOf(Throwable error) {
        return error == null ? CheckStatus.PASS : statusOf(error.getClass());
    }

    /**
     * P1Finding → P1; any other AssertionError → FAIL (the release does not do what the check says);
     * Inconclusive → INCONCLUSIVE; NotRun or another abort → NOT_RUN; anything else — an exception the
     * suite did not expect — is INCONCLUSIVE: the check could not finish, which is not the release's fault
     * and must never pass.
     */
    public static CheckStatus statusOf(Class<?> type) {
        if (P1Finding.class.isAssignableFrom(type)) {
            return CheckStatus.P1;
        }
        if (AssertionError.class.isAssignableFrom(type)) {
            return CheckStatus.FAIL;
        }
        if (Inconclusive.class.isAssignableFrom(type)) {
            return CheckStatus.INCONCLUSIVE;
        }
        if (TestAbortedException.class.isAssignableFrom(type)) {
            return CheckStatus.NOT_RUN;
        }
        return CheckStatus.INCONCLUSIVE;
    }

    /** Whether the error is one the suite throws on purpose (its message is written for people). */
    public static boolean intended(Throwable error) {
        return error instanceof AssertionError || error instanceof TestAbortedException;
    }

    /** The one-line reason a person reads: an intended outcome's message, or what went wrong inside the suite. */
    public static String reasonOf(Throwable error) {
        if (intended(error)) {
            String message = error.getMessage() == null ? "" : error.getMessage().strip();
            return message.isEmpty() ? statusOf(error).name().toLowerCase() + " (no reason given)" : message;
        }
        return "the suite could not finish this check: " + Causes.describe(error);
    }
}
