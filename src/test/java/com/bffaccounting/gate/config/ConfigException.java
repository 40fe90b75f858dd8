package com.bffaccounting.gate.config;

/**
 * A setting that cannot be used as given. Its message is the whole diagnosis — the setting, the bad
 * value and what to do — so callers print it as one line instead of a stack trace.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    /** A kubeconfig (or the simulated one) that selects another context than {@code cluster.expectedContext}. */
    public static ConfigException wrongContext(String expected, String actual, String source) {
        return new ConfigException("cluster.expectedContext: '" + expected + "' expected, but " + source + " selects context '"
                + actual + "' — refusing to run against it (switch context, or pass -Dcluster.context=" + expected + ")");
    }
}
