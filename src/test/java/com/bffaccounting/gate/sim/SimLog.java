package com.bffaccounting.gate.sim;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** SimBff's log: what {@code kubectl logs} or the process's stdout would show. Thread-safe, append-only. */
public final class SimLog {
    private final Clock clock;
    private final List<String> lines = new ArrayList<>();
    private volatile PrintStream echo;

    SimLog(Clock clock) {
        this.clock = clock;
    }

    /** Also writes every line to {@code out}, as a process's stdout (SimBffMain). */
    public void echoTo(PrintStream out) {
        this.echo = out;
    }

    void info(String message) {
        append("INFO", message);
    }

    void warn(String message) {
        append("WARN", message);
    }

    void error(String message) {
        append("ERROR", message);
    }

    private synchronized void append(String level, String message) {
        String line = clock.instant() + " " + level + " " + message;
        lines.add(line);
        if (echo != null) {
            echo.println(line);
            echo.flush();
        }
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
