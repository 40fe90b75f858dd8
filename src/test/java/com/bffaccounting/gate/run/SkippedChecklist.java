package com.bffaccounting.gate.run;

import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Maven's own switches for skipping tests, honoured as every Maven user expects: {@code -DskipITs},
 * {@code -DskipTests} or {@code -Dmaven.test.skip} skip the checklist, and then the gate has nothing to
 * decide on — it says so in one line and lets the build pass.
 */
final class SkippedChecklist {
    private static final List<String> SWITCHES = List.of("skipITs", "skipTests", "maven.test.skip");

    private SkippedChecklist() {
    }

    /** "-DskipITs", when one of the switches is on in these (Maven's) properties. */
    static Optional<String> by(Properties properties) {
        return SWITCHES.stream().filter(s -> {
            String value = properties.getProperty(s);
            return value != null && (value.isEmpty() || Boolean.parseBoolean(value));
        }).findFirst().map(s -> "-D" + s);
    }

    static String line(String by) {
        return "[release-gate] the checklist is skipped (" + by + "): nothing is checked, and there is no verdict to gate on";
    }
}
