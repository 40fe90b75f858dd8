package com.bffaccounting.gate.config;

/**
 * A setting that cannot be used as given. Its message is the whole diagnosis — the setting, the bad
 * value and what to do — so callers print it as one line instead of a stack trace.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
