package com.bffaccounting.gate.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The switch a chart's own values.yaml has for one of its objects ({@code serviceMonitor.enabled} here,
 * {@code alerts.enabled} in another chart), so that a hint names a key the chart really has — or none.
 */
public final class ChartSwitches {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ChartSwitches() {
    }

    /**
     * The first top-level {@code KEY.enabled} of values.yaml whose KEY contains one of {@code words}
     * (case aside): "servicemonitor" finds {@code serviceMonitor.enabled}, "alert" finds {@code alerts.enabled}.
     */
    public static Optional<String> enabledKey(Path chart, String... words) {
        JsonNode values;
        try {
            values = YAML.readTree(Files.readString(chart.resolve("values.yaml")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a values.yaml that does not parse is C5.2's finding of its own
        }
        if (values == null || !values.isObject()) {
            return Optional.empty();
        }
        for (String word : words) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = values.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().toLowerCase(Locale.ROOT).contains(word) && field.getValue().has("enabled")) {
                    return Optional.of(field.getKey() + ".enabled");
                }
            }
        }
        return Optional.empty();
    }

    /** " (is serviceMonitor.enabled false?)", or nothing when the chart has no such switch. */
    public static String hint(Path chart, String... words) {
        return enabledKey(chart, words).map(key -> " (is " + key + " false?)").orElse("");
    }
}
