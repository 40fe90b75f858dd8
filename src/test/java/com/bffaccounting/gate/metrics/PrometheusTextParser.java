package com.bffaccounting.gate.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reader of the Prometheus text exposition format 0.0.4 — the one thing we write by hand, because
 * no maintained Java library reads it (the client libraries only write it).
 *
 * <p>Handles {@code # HELP} / {@code # TYPE}, other comments, blank lines, escaped label values
 * ({@code \\}, {@code \"}, {@code \n}), {@code +Inf}/{@code -Inf}/{@code NaN}, optional timestamps,
 * histogram and summary suffixes, untyped samples and UTF-8 text. A malformed line is an error that
 * names the line: a scrape we cannot read must never look like an empty one.
 */
public final class PrometheusTextParser {

    public static final class ParseException extends RuntimeException {
        public ParseException(int lineNumber, String line, String problem) {
            super("metrics line " + lineNumber + ": " + problem + ": " + abbreviate(line));
        }

        private static String abbreviate(String line) {
            return line.length() > 120 ? line.substring(0, 117) + "..." : line;
        }
    }

    private static final String[] HISTOGRAM_SUFFIXES = {"_bucket", "_sum", "_count"};
    private static final String[] SUMMARY_SUFFIXES = {"_sum", "_count"};

    private PrometheusTextParser() {
    }

    public static MetricsSnapshot parse(String text) {
        Map<String, MetricFamily.Type> types = new LinkedHashMap<>();
        Map<String, String> helps = new LinkedHashMap<>();
        Map<String, List<Sample>> samplesByName = new LinkedHashMap<>();
        Map<String, List<Sample>> samplesByFamily = new LinkedHashMap<>();

        int lineNumber = 0;
        int pos = 0;
        int length = text.length();
        while (pos <= length) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = length;
            }
            lineNumber++;
            String line = text.substring(pos, end);
            pos = end + 1;
            if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank()) {
                if (end == length) {
                    break;
                }
                continue;
            }
            if (line.charAt(0) == '#') {
                readComment(line, lineNumber, types, helps);
            } else {
                Sample sample = new LineReader(line, lineNumber).readSample();
                samplesByName.computeIfAbsent(sample.name(), k -> new ArrayList<>()).add(sample);
                samplesByFamily.computeIfAbsent(familyOf(sample.name(), types), k -> new ArrayList<>()).add(sample);
            }
            if (end == length) {
                break;
            }
        }

        Map<String, MetricFamily> families = new LinkedHashMap<>();
        for (Map.Entry<String, List<Sample>> e : samplesByFamily.entrySet()) {
            families.put(e.getKey(), new MetricFamily(e.getKey(),
                    types.getOrDefault(e.getKey(), MetricFamily.Type.UNTYPED),
                    helps.getOrDefault(e.getKey(), ""), Collections.unmodifiableList(e.getValue())));
        }
        // a declared family with no samples is still a family: "declared but empty" differs from "absent"
        for (Map.Entry<String, MetricFamily.Type> e : types.entrySet()) {
            families.putIfAbsent(e.getKey(), new MetricFamily(e.getKey(), e.getValue(),
                    helps.getOrDefault(e.getKey(), ""), List.of()));
        }
        return new MetricsSnapshot(Collections.unmodifiableMap(families), Collections.unmodifiableMap(samplesByName));
    }

    private static String familyOf(String sampleName, Map<String, MetricFamily.Type> types) {
        if (types.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : HISTOGRAM_SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                MetricFamily.Type type = types.get(base);
                if (type == MetricFamily.Type.HISTOGRAM
                        || (type == MetricFamily.Type.SUMMARY && List.of(SUMMARY_SUFFIXES).contains(suffix))) {
                    return base;
                }
            }
        }
        return sampleName;
    }

    private static void readComment(String line, int lineNumber, Map<String, MetricFamily.Type> types,
                                    Map<String, String> helps) {
        String[] parts = line.substring(1).trim().split("[ \t]+", 3);
        if (parts.length < 2 || !(parts[0].equals("HELP") || parts[0].equals("TYPE"))) {
            return; // an ordinary comment
        }
        String name = parts[1];
        String rest = parts.length > 2 ? parts[2] : "";
        if (parts[0].equals("TYPE")) {
            try {
                types.put(name, MetricFamily.Type.valueOf(rest.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ParseException(lineNumber, line, "unknown metric type '" + rest.trim() + "'");
            }
        } else {
            helps.put(name, unescapeHelp(rest));
        }
    }

    private static String unescapeHelp(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                sb.append(next == 'n' ? '\n' : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Reads one sample line by hand: a regex would be slower and worse at saying what is wrong. */
    private static final class LineReader {
        private final String line;
        private final int lineNumber;
        private int i;

        LineReader(String line, int lineNumber) {
            this.line = line;
            this.lineNumber = lineNumber;
        }

        Sample readSample() {
            skipBlanks();
            String name = readName(true);
            if (name.isEmpty()) {
                throw error("expected a metric name");
            }
            Map<String, String> labels = Map.of();
            int afterName = i;
            skipBlanks();
            if (i < line.length() && line.charAt(i) == '{') {
                labels = readLabels();
            } else {
                i = afterName;
            }
            if (!skipBlanks()) {
                throw error("expected a space before the value");
            }
            double value = parseValue(readToken());
            OptionalLong timestamp = OptionalLong.empty();
            skipBlanks();
            if (i < line.length()) {
                String token = readToken();
                try {
                    timestamp = OptionalLong.of(Long.parseLong(token));
                } catch (NumberFormatException e) {
                    throw error("timestamp '" + token + "' is not an integer");
                }
                skipBlanks();
                if (i < line.length()) {
                    throw error("unexpected text after the timestamp");
                }
            }
            return new Sample(name, labels, value, timestamp);
        }

        private Map<String, String> readLabels() {
            Map<String, String> labels = new LinkedHashMap<>();
            i++; // '{'
            while (true) {
                skipBlanks();
                if (i >= line.length()) {
                    throw error("unterminated label set");
                }
                if (line.charAt(i) == '}') {
                    i++;
                    return Collections.unmodifiableMap(labels);
                }
                String key = readName(false);
                if (key.isEmpty()) {
                    throw error("expected a label name");
                }
                skipBlanks();
                expect('=');
                skipBlanks();
                expect('"');
                labels.put(key, readQuoted());
                skipBlanks();
                if (i < line.length() && line.charAt(i) == ',') {
                    i++;
                } else if (i >= line.length() || line.charAt(i) != '}') {
                    throw error("expected ',' or '}' after label " + key);
                }
            }
        }

        private String readQuoted() {
            StringBuilder sb = new StringBuilder();
            while (i < line.length()) {
                char c = line.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    if (i >= line.length()) {
                        break;
                    }
                    char next = line.charAt(i++);
                    switch (next) {
                        case 'n': sb.append('\n'); break;
                        case '\\': sb.append('\\'); break;
                        case '"': sb.append('"'); break;
                        default: sb.append('\\').append(next); break;
                    }
                } else {
                    sb.append(c);
                }
            }
            throw error("unterminated label value");
        }

        private String readName(boolean allowColon) {
            int start = i;
            while (i < line.length()) {
                char c = line.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                        || (allowColon && c == ':') || (i > start && c >= '0' && c <= '9');
                if (!ok) {
                    break;
                }
                i++;
            }
            return line.substring(start, i);
        }

        private String readToken() {
            int start = i;
            while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                i++;
            }
            if (start == i) {
                throw error("expected a value");
            }
            return line.substring(start, i);
        }

        private double parseValue(String token) {
            switch (token) {
                case "+Inf":
                case "Inf":
                    return Double.POSITIVE_INFINITY;
                case "-Inf":
                    return Double.NEGATIVE_INFINITY;
                case "NaN":
                    return Double.NaN;
                default:
                    try {
                        return Double.parseDouble(token);
                    } catch (NumberFormatException e) {
                        throw error("value '" + token + "' is not a number");
                    }
            }
        }

        private boolean skipBlanks() {
            int start = i;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            return i > start;
        }

        private void expect(char c) {
            if (i >= line.length() || line.charAt(i) != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private ParseException error(String problem) {
            return new ParseException(lineNumber, line, problem + " at column " + (i + 1));
        }
    }
}
