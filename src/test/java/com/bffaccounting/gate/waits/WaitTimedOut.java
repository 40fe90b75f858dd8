package com.bffaccounting.gate.waits;

/** A wait that ran out, with what it awaited, its named timeout and the last observation in the message. */
public final class WaitTimedOut extends RuntimeException {
    public WaitTimedOut(String message) {
        super(message);
    }
}
