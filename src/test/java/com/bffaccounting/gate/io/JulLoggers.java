package com.bffaccounting.gate.io;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Libraries that log through java.util.logging, kept to warnings. */
public final class JulLoggers {
    private JulLoggers() {
    }

    /**
     * The logger {@code name} at WARNING. Callers keep the returned logger in a static field: java.util.logging
     * holds loggers weakly, and a collected one comes back at its default level.
     */
    public static Logger warningsOnly(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }
}
