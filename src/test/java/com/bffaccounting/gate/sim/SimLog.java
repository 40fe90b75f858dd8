package com.bffaccounting.gate.sim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** SimBff's log: what {@code kubectl logs} or the process's stdout would show. Thread-safe, append-only. */
public final class SimLog {
    private final Clock clock;
    private final List<String> lines = new ArrayList<>();

    SimLog(Clock clock) {
        this.clock = clock;
    }

    void info(String message) {
        append("INFO", message);
    }

    void warn(String message) {
        append("WARN", message);
    }

    private synchronized void append(String level, String message) {
        lines.add(clock.instant() + " " + level + " " + message);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
