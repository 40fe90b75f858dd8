package com.bffaccounting.gate.logs;

import java.util.List;

/** Where the BFF's log lines can be read: SimBff's log, a process the suite started, a container, pods. */
public interface LogSource {
    /** All lines available now, oldest first. */
    List<String> lines();

    /** For messages: "SimBff log", "stdout/stderr of `node dist/index.js`", "pods of deployment/bff-accounting". */
    String describe();

    /** A position in the log; {@link Cursor#newLines()} returns what was written after it. */
    default Cursor cursor() {
        int seen = lines().size();
        return () -> {
            List<String> all = lines();
            return all.subList(Math.min(seen, all.size()), all.size());
        };
    }

    interface Cursor {
        List<String> newLines();
    }
}
