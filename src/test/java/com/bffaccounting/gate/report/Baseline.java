package com.bffaccounting.gate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A previous run's verdict.json ({@code -Dverdict.baseline}, e.g. the previous tag's artifact), to say
 * per checklist line what changed since: a regression, a fix, or nothing. Regressions are listed first
 * everywhere the verdict is shown.
 */
public final class Baseline {
    private static final Set<String> FAILING = Set.of("FAIL", "P1");

    private final String label;
    private final Map<String, String> statusById;

    Baseline(String label, Map<String, String> statusById) {
        this.label = label;
        this.statusById = statusById;
    }

    public static Baseline read(Path verdictFile) {
        try {
            JsonNode verdict = new ObjectMapper().readTree(verdictFile.toFile());
            Map<String, String> statuses = new HashMap<>();
            verdict.path("checklist").forEach(c -> statuses.put(c.path("id").asText(), c.path("status").asText()));
            String tag = verdict.path("run").path("releaseTag").asText("");
            return new Baseline(verdictFile + (tag.isEmpty() ? "" : " (" + tag + ")"), statuses);
        } catch (IOException e) {
            throw new UncheckedIOException("verdict.baseline: cannot read " + verdictFile, e);
        }
    }

    /** Which run it is, for a heading: "reports-r7-final/verdict.json (r7-final-20251203)". */
    public String label() {
        return label;
    }

    /** "PASS → FAIL", "fixed: FAIL → PASS", "unchanged", or "new" for a line the baseline did not have. */
    public String change(String id, String now) {
        String before = statusById.get(id);
        if (before == null) {
            return "new";
        }
        if (before.equals(now)) {
            return "unchanged";
        }
        return (FAILING.contains(before) && now.equals("PASS") ? "fixed: " : "") + before + " → " + now;
    }

    /** Passed in the baseline, fails now. */
    public boolean regressed(String id, String now) {
        return "PASS".equals(statusById.get(id)) && FAILING.contains(now);
    }

    /** The lines in checklist order, regressions first. */
    public List<Verdict.Check> regressionsFirst(List<Verdict.Check> checks) {
        return checks.stream().sorted(Comparator.comparing((Verdict.Check c) -> !regressed(c.id(), c.status()))).toList();
    }
}
