package com.bffaccounting.gate.metrics;

import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** One line of the exposition: a series (name + labels), its value, and an optional timestamp in ms. */
public record Sample(String name, Map<String, String> labels, double value, OptionalLong timestampMs) {

    public String label(String key) {
        return labels.get(key);
    }

    /** The series as PromQL would print it, for messages and evidence. */
    @Override
    public String toString() {
        String labelText = labels.isEmpty() ? "" : labels.entrySet().stream()
                .map(e -> e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        return name + labelText + " " + formatValue(value);
    }

    static String formatValue(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
