package com.bffaccounting.gate.selftest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The project's copy of the fault catalogue ({@code src/test/resources/FAULTS.md}): a Markdown table of
 * fault, what breaks, the checklist IDs that must fail, those that must be INCONCLUSIVE, a fragment of
 * the message, and settings the run needs.
 */
final class FaultCatalog {
    record Row(String fault, String breaks, Set<String> mustFail, Set<String> inconclusive, String messageFragment,
               Map<String, String> runWith) {
        /** The sync and alert faults, and any row that expects something of C12, are written for a real Prometheus. */
        boolean needsPrometheus() {
            return fault.startsWith("sync-") || fault.startsWith("alert-")
                    || Stream.concat(mustFail.stream(), inconclusive.stream()).anyMatch(id -> id.startsWith("C12."));
        }

        String label() {
            List<String> keys = runWith.keySet().stream().filter(k -> !k.equals("only")).toList();
            return fault + (keys.isEmpty() ? "" : "+" + String.join("+", keys));
        }

        String expectation() {
            return "fails " + mustFail + (inconclusive.isEmpty() ? "" : ", inconclusive " + inconclusive);
        }
    }

    private FaultCatalog() {
    }

    private static Set<String> ids(String cell) {
        return Arrays.stream(cell.split(",")).map(String::trim).filter(s -> !s.isEmpty() && !s.equals("nothing"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, String> runWith(String cell) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : cell.trim().split("\\s+")) {
            if (pair.contains("=")) {
                settings.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return settings;
    }

    static List<Row> load() {
        try (InputStream in = FaultCatalog.class.getClassLoader().getResourceAsStream("FAULTS.md")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Row> rows = new ArrayList<>();
            for (String line : text.lines().toList()) {
                if (!line.startsWith("| `")) {
                    continue;
                }
                String[] cells = Arrays.stream(line.split("\\|")).map(String::trim).toArray(String[]::new);
                // cells[0] is empty (the line starts with '|')
                rows.add(new Row(cells[1].replace("`", ""), cells[2], ids(cells[3]), ids(cells[4]),
                        cells[5].replace("`", ""), runWith(cells.length > 6 ? cells[6].replace("`", "") : "")));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
