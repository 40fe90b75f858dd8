package com.bffaccounting.gate.outcome;

/**
 * The release fails the check: the one thing a FAIL means. Thrown by checks whose words the release
 * does not meet; its message says what was seen against what was required.
 */
public class CheckFailed extends AssertionError {
    public CheckFailed(String message) {
        super(message);
    }
}
