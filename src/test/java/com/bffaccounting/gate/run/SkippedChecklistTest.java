package com.bffaccounting.gate.run;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class SkippedChecklistTest {
    private static Properties with(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }

    @Test
    void mavensSkipSwitchesSkipTheChecklistAndTheGate() {
        assertThat(SkippedChecklist.by(with("skipITs", "true"))).contains("-DskipITs");
        assertThat(SkippedChecklist.by(with("skipTests", ""))).contains("-DskipTests"); // -DskipTests with no value
        assertThat(SkippedChecklist.by(with("maven.test.skip", "true"))).contains("-Dmaven.test.skip");
        assertThat(SkippedChecklist.by(with("skipITs", "false"))).isEmpty();
        assertThat(SkippedChecklist.by(new Properties())).isEmpty();
    }
}
