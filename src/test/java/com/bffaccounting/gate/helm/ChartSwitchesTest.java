package com.bffaccounting.gate.helm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A hint names a switch the chart's own values.yaml has, or none at all. */
class ChartSwitchesTest {
    @Test
    void theKeysOfThisChartAndOfAnotherAreFoundAndAChartWithoutOneGetsNoHint(@TempDir Path other) throws Exception {
        Path chart = Path.of("charts/bff-accounting");
        assertThat(ChartSwitches.enabledKey(chart, "servicemonitor", "monitor")).contains("serviceMonitor.enabled");
        assertThat(ChartSwitches.enabledKey(chart, "prometheusrule", "alert", "rule")).contains("prometheusRule.enabled");
        Files.writeString(other.resolve("values.yaml"), "alerts:\n  enabled: true\nmetrics:\n  enabled: true\n");
        assertThat(ChartSwitches.hint(other, "prometheusrule", "alert", "rule")).isEqualTo(" (is alerts.enabled false?)");
        assertThat(ChartSwitches.hint(other, "servicemonitor", "monitor")).isEmpty();
    }
}
