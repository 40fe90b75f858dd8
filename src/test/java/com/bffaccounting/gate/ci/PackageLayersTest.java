package com.bffaccounting.gate.ci;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layers README's Layout describes, kept true: production packages (everything but tests, the
 * self-tests and the benchmarks) import each other without a cycle, and only the sim builder
 * ({@code sut/SimRun}) imports the simulator.
 */
class PackageLayersTest {
    private static final Path SOURCES = Path.of("src/test/java/com/bffaccounting/gate");
    private static final Pattern IMPORT = Pattern.compile("^import com\\.bffaccounting\\.gate\\.([a-z.]+)\\.[A-Z]", Pattern.MULTILINE);
    private static final Set<String> NOT_PRODUCTION = Set.of("selftest", "bench");

    /** Production file (relative path) → the project packages it imports, its own excepted. */
    private static final Map<String, Set<String>> imports = new TreeMap<>();

    @BeforeAll
    static void readImports() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = SOURCES.relativize(file).toString();
                String pkg = packageOf(relative);
                if (relative.endsWith("Test.java") || pkg.isEmpty() || NOT_PRODUCTION.contains(pkg.split("\\.")[0])) {
                    continue;
                }
                Set<String> used = new TreeSet<>();
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        used.add(m.group(1));
                    }
                }
                imports.put(relative, used);
            }
        }
    }

    @Test
    void productionPackagesImportEachOtherWithoutACycle() {
        Map<String, Set<String>> graph = new TreeMap<>();
        imports.forEach((file, used) -> graph.computeIfAbsent(packageOf(file), p -> new TreeSet<>()).addAll(used));
        assertThat(graph).as("the project's production packages").hasSizeGreaterThan(10);
        assertThat(cycles(graph)).as("packages that import each other, directly or around a loop").isEmpty();
    }

    @Test
    void onlyTheSimBuilderImportsTheSimulator() {
        List<String> importers = imports.entrySet().stream()
                .filter(e -> !packageOf(e.getKey()).startsWith("sim"))
                .filter(e -> e.getValue().stream().anyMatch(p -> p.equals("sim") || p.startsWith("sim.")))
                .map(Map.Entry::getKey).toList();
        assertThat(importers).containsExactly("sut/SimRun.java");
    }

    private static String packageOf(String relativeFile) {
        int slash = relativeFile.lastIndexOf('/');
        return slash < 0 ? "" : relativeFile.substring(0, slash).replace('/', '.');
    }

    /** Strongly connected components of more than one package (Tarjan). */
    private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> found = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, found);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, List<Set<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
