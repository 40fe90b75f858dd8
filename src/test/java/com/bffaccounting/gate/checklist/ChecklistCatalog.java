package com.bffaccounting.gate.checklist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The project's list of checklist IDs ({@code checklist/ids.tsv}, copied from CHECKLIST.md) with their
 * section names. Tags that look like an ID ({@code @C11.2}, {@code @D4}) must name one of these.
 */
public final class ChecklistCatalog {
    /** A tag that names a checklist item: C or D, then numbers. */
    public static final Pattern ID_TAG = Pattern.compile("@([CD]\\d+(\\.\\d+)?)");

    public record Item(String id, String section, String requirement) {
    }

    private final Map<String, Item> items;

    private ChecklistCatalog(Map<String, Item> items) {
        this.items = items;
    }

    public static ChecklistCatalog load() {
        Map<String, Item> items = new LinkedHashMap<>();
        try (InputStream in = ChecklistCatalog.class.getClassLoader().getResourceAsStream("checklist/ids.tsv")) {
            if (in == null) {
                throw new IllegalStateException("checklist/ids.tsv is missing from the test classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                items.put(parts[0], new Item(parts[0], parts[1], parts.length > 2 ? parts[2] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChecklistCatalog(items);
    }

    public Collection<Item> items() {
        return items.values();
    }

    /**
     * The lines of the release verdict: the checklist's C items, in checklist order. The D items describe
     * the suite itself; the project's tests prove them, and they are not rows of a release verdict.
     */
    public List<Item> releaseItems() {
        return items.values().stream().filter(i -> i.id().startsWith("C")).toList();
    }

    public Optional<Item> item(String id) {
        return Optional.ofNullable(items.get(id));
    }

    /**
     * The position of a section in the checklist (1 for the first), for sort keys: reports list the
     * sections in checklist order, not in the alphabet's.
     */
    public int sectionNumber(String section) {
        List<String> sections = items.values().stream().map(Item::section).distinct().toList();
        return sections.indexOf(section) + 1;
    }

    /** "03 · Step 1: 클러스터 연결 확인 — Cluster connectivity": a name that sorts in checklist order. */
    public String ordered(Item item, String name) {
        return String.format("%02d · %s", sectionNumber(item.section()), name);
    }

    /** The ID a tag names, if it is shaped like one ({@code @C11.2} → {@code C11.2}). */
    public static Optional<String> idOf(String tag) {
        var m = ID_TAG.matcher(tag);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The checklist lines (C IDs, not the design card's D IDs) a scenario's tags name, in tag order. */
    public static List<String> lineIdsOf(Collection<String> tags) {
        return tags.stream().map(ChecklistCatalog::idOf).flatMap(Optional::stream).filter(id -> id.startsWith("C")).toList();
    }
}
