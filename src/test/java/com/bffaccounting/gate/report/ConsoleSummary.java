package com.bffaccounting.gate.report;

import java.util.stream.Collectors;

/** The verdict as a table for the console, the same content as verdict.json. */
public final class ConsoleSummary {
    private ConsoleSummary() {
    }

    public static String render(Verdict verdict) {
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(100);
        out.append('\n').append(rule).append('\n');
        out.append(String.format("RELEASE GATE  %s   (env=%s, image=%s)%n", verdict.overall(), verdict.run().env(),
                verdict.run().image()));
        if (verdict.run().prometheus() != null) {
            out.append("Prometheus: ").append(verdict.run().prometheus()).append('\n');
        }
        if (verdict.notice() != null) {
            out.append(verdict.notice()).append('\n');
        }
        out.append(rule).append('\n');
        out.append(String.format("%-7s %-13s %s%n", "ID", "STATUS", "WHY (first failure or reason)"));
        for (Verdict.Check check : verdict.checklist()) {
            String why = check.reason() == null ? "" : check.reason();
            if (why.length() > 78) {
                why = why.substring(0, 75) + "...";
            }
            out.append(String.format("%-7s %-13s %s%n", check.id(), check.status(), why));
        }
        out.append(rule).append('\n');
        out.append(verdict.counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("  "))).append('\n');
        return out.toString();
    }
}
