package com.bffaccounting.gate.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verdict where CI users already look: a Markdown job summary ({@code $GITHUB_STEP_SUMMARY}) with the
 * decision, the lines that did not pass and the counts; and one {@code ::error} workflow command per
 * FAIL or P1, which GitHub shows as an annotation on the run page. Both are made from verdict.json.
 */
public final class JobSummary {
    private JobSummary() {
    }

    public static String markdown(Verdict verdict, Optional<Baseline> baseline) {
        Verdict.Run run = verdict.run();
        StringBuilder md = new StringBuilder();
        md.append("## Release gate: **").append(verdict.overall()).append("** — bff-accounting `")
                .append(value(run.releaseTag())).append("`\n\n");
        md.append("env `").append(value(run.env())).append("`, context `").append(value(run.kubeContext())).append("`, image `")
                .append(value(run.image())).append(run.imageDigest() == null ? "" : "@" + run.imageDigest()).append("`\n\n");
        if (verdict.simulation()) {
            md.append("> ").append(VerdictBuilder.SIMULATION_NOTICE).append("\n\n");
        }
        if (run.error() != null) {
            md.append("> **The run could not be set up:** ").append(cell(run.error())).append("\n\n");
        }
        List<Verdict.Check> notPassed = (baseline.map(b -> b.regressionsFirst(verdict.checklist())).orElse(verdict.checklist()))
                .stream().filter(c -> !c.status().equals("PASS")).toList();
        if (!notPassed.isEmpty()) {
            md.append("| ID | status |").append(baseline.isPresent() ? " since baseline |" : "").append(" reason |\n")
                    .append("|---|---|").append(baseline.isPresent() ? "---|" : "").append("---|\n");
            for (Verdict.Check c : notPassed) {
                md.append("| ").append(c.id()).append(" | ").append(c.status()).append(" |");
                baseline.ifPresent(b -> md.append(" ").append(b.change(c.id(), c.status())).append(" |"));
                md.append(" ").append(cell(c.reason() == null ? "" : c.reason())).append(" |\n");
            }
            md.append('\n');
        }
        List<String> counts = new ArrayList<>();
        verdict.counts().forEach((status, count) -> {
            if (count > 0) {
                counts.add(status + " " + count);
            }
        });
        md.append(String.join(" · ", counts)).append("\n");
        return md.toString();
    }

    /** {@code ::error title=C11.2::reason} for each FAIL and P1 (GitHub's escaping of %, CR and LF). */
    public static List<String> annotations(Verdict verdict) {
        return verdict.checklist().stream().filter(c -> c.status().equals("FAIL") || c.status().equals("P1"))
                .map(c -> "::error title=" + c.id() + " " + c.status() + "::" + escapeData(value(c.reason()))).toList();
    }

    private static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String value(String v) {
        return v == null ? "—" : v;
    }
}
