package com.bffaccounting.gate.report;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.outcome.CheckStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The verdict as a table for the console, the same content as verdict.json. Reasons are wrapped, never
 * cut: the tenant or source a failure names must show. A run that could not be set up says so first.
 */
public final class ConsoleSummary {
    /** How much of a reason a progress line shows: the table at the end has it whole. */
    private static final int PROGRESS_REASON = 110;

    /** "[release-gate] C6.1     FAIL          1.2 s  pod bff-… CrashLoopBackOff …": one check, as it ends. */
    public static String progressLine(ScenarioOutcome outcome, Duration took) {
        String ids = String.join(" ", ChecklistCatalog.lineIdsOf(outcome.tags()));
        String reason = outcome.message() == null ? "" : outcome.message().replaceAll("\\s+", " ").trim();
        if (reason.length() > PROGRESS_REASON) {
            reason = reason.substring(0, PROGRESS_REASON - 1) + "…";
        }
        return String.format("[release-gate] %-12s %-12s %5.1f s  %s", ids, outcome.status(), took.toMillis() / 1000.0, reason).stripTrailing();
    }

    static final int WIDTH = 110;
    private static final String ROW = "%-7s %-13s ";
    private static final String SINCE = "%-19s ";

    private ConsoleSummary() {
    }

    /**
     * The table: a line's reason when it did not pass, its first observation when it did; with a baseline,
     * a "since baseline" column, regressions (PASS → FAIL) first, and the drift of each line's measurements
     * under it.
     */
    public static String render(Verdict verdict) {
        boolean compared = verdict.run().baseline() != null;
        int reasonColumn = 22 + (compared ? 20 : 0);
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(WIDTH);
        out.append('\n').append(rule).append('\n');
        if (verdict.run().error() != null) {
            wrap("RUN ERROR: " + verdict.run().error(), WIDTH, 0).forEach(l -> out.append(l).append('\n'));
            out.append(rule).append('\n');
        }
        out.append(String.format("RELEASE GATE  %s   (env=%s, image=%s)%n", verdict.overall(), verdict.run().env(),
                verdict.run().image()));
        if (verdict.run().prometheus() != null) {
            out.append("Prometheus: ").append(verdict.run().prometheus()).append('\n');
        }
        if (verdict.run().apiRetries() != null && verdict.run().apiRetries() > 0) {
            out.append("API server: ").append(verdict.run().apiRetries())
                    .append(" transient answer(s) (429, 5xx, reset) asked again within cluster.requestTimeout\n");
        }
        if (verdict.notice() != null) {
            out.append(verdict.notice()).append('\n');
        }
        if (compared) {
            out.append("Since baseline: ").append(verdict.run().baseline()).append(" (drift listed beyond ")
                    .append(Math.round(verdict.run().driftThreshold() * 100)).append(" %, verdict.driftThreshold)\n");
        }
        out.append(rule).append('\n');
        out.append(String.format(ROW, "ID", "STATUS")).append(compared ? String.format(SINCE, "SINCE BASELINE") : "")
                .append("WHY (the reason; for a pass, what was seen)\n");
        for (Verdict.Check check : Baseline.regressionsFirst(verdict.checklist())) {
            List<String> lines = wrap(firstWords(check), WIDTH - reasonColumn, reasonColumn);
            out.append(String.format(ROW, check.id(), check.status()))
                    .append(compared ? String.format(SINCE, check.sinceBaseline() == null ? "" : check.sinceBaseline().change()) : "")
                    .append(lines.get(0).strip()).append('\n');
            lines.stream().skip(1).forEach(l -> out.append(l).append('\n'));
            if (check.sinceBaseline() != null) {
                check.sinceBaseline().drift().forEach(d -> wrap("drift: " + d.text(), WIDTH - reasonColumn, reasonColumn)
                        .forEach(l -> out.append(l).append('\n')));
            }
        }
        out.append(rule).append('\n');
        out.append(verdict.counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("  "))).append('\n');
        return out.toString();
    }

    /** The reason of a line that did not pass; for a pass, the first thing it saw. */
    private static String firstWords(Verdict.Check check) {
        if (check.status() != CheckStatus.PASS) {
            return check.reason() == null ? "" : check.reason();
        }
        return check.observed().isEmpty() ? "" : check.observed().get(0).text()
                + (check.observed().size() > 1 ? " (+" + (check.observed().size() - 1) + " more in verdict.json)" : "");
    }

    /** Greedy word wrap; a word longer than the width (a URL) gets a line of its own rather than being cut. */
    static List<String> wrap(String text, int width, int indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(" ".repeat(indent) + line);
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(" ".repeat(indent) + line);
        return lines;
    }
}
