package com.bffaccounting.gate.selftest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The project's copy of the fault catalogue ({@code src/test/resources/FAULTS.md}): a Markdown table of
 * fault, what breaks, the checklist IDs that must fail, and a fragment of the failure message.
 */
final class FaultCatalog {
    record Row(String fault, String breaks, Set<String> mustFail, String messageFragment, java.util.Map<String, String> runWith) {
        boolean needsPrometheus() {
            return fault.startsWith("sync-") || fault.startsWith("alert-");
        }

        String label() {
            return fault + (runWith.isEmpty() ? "" : "+" + String.join("+", runWith.keySet()));
        }
    }

    private FaultCatalog() {
    }

    private static java.util.Map<String, String> runWith(String cell) {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
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
                rows.add(new Row(cells[1].replace("`", ""), cells[2],
                        Arrays.stream(cells[3].split(",")).map(String::trim).filter(s -> !s.isEmpty() && !s.equals("nothing"))
                                .collect(Collectors.toCollection(TreeSet::new)),
                        cells[4].replace("`", ""), runWith(cells.length > 5 ? cells[5].replace("`", "") : "")));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
