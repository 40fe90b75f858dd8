package com.bffaccounting.gate.outcome;

/** The part of an exception a person needs: the innermost cause, by type and message. */
public final class Causes {
    private Causes() {
    }

    /** {@code ConnectException: Connection refused} rather than three layers of wrappers. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
