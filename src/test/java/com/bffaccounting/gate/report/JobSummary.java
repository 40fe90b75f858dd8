package com.bffaccounting.gate.report;

import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The verdict where CI users already look: a Markdown job summary ({@code $GITHUB_STEP_SUMMARY}) with the
 * decision, the lines that did not pass with their reasons and what they saw, the passing lines with what
 * they saw in a collapsed block, the drift since the baseline, and the counts; and one {@code ::error}
 * workflow command per FAIL or P1, which GitHub shows as an annotation on the run page. Both are made
 * from verdict.json.
 */
public final class JobSummary {
    /** How many observations a row shows; the rest are in verdict.json. */
    private static final int SHOWN = 6;

    private JobSummary() {
    }

    public static String markdown(Verdict verdict) {
        Verdict.Run run = verdict.run();
        boolean compared = run.baseline() != null;
        StringBuilder md = new StringBuilder();
        md.append("## Release gate: **").append(verdict.overall()).append("** — bff-accounting `")
                .append(VerdictPage.value(run.releaseTag())).append("`\n\n");
        md.append("env `").append(VerdictPage.value(run.env())).append("`, context `").append(VerdictPage.value(run.kubeContext())).append("`, image `")
                .append(VerdictPage.value(run.image())).append(run.imageDigest() == null ? "" : "@" + run.imageDigest()).append("`\n\n");
        if (verdict.simulation()) {
            md.append("> ").append(VerdictBuilder.SIMULATION_NOTICE).append("\n\n");
        }
        if (run.error() != null) {
            md.append("> **The run could not be set up:** ").append(cell(run.error())).append("\n\n");
        }
        List<Verdict.Check> lines = Baseline.regressionsFirst(verdict.checklist());
        List<Verdict.Check> notPassed = lines.stream().filter(c -> c.status() != CheckStatus.PASS).toList();
        if (!notPassed.isEmpty()) {
            table(md, notPassed, compared, true);
        }
        List<Verdict.Check> passed = lines.stream().filter(c -> c.status() == CheckStatus.PASS).toList();
        if (!passed.isEmpty()) {
            md.append("<details><summary>").append(passed.size()).append(" passed — what each saw</summary>\n\n");
            table(md, passed, compared, false);
            md.append("</details>\n\n");
        }
        if (compared) {
            List<String> drift = lines.stream().filter(c -> c.sinceBaseline() != null)
                    .flatMap(c -> c.sinceBaseline().drift().stream().map(d -> "- " + c.id() + ": " + d.text())).toList();
            md.append("Since baseline `").append(run.baseline()).append("`: ").append(drift.isEmpty()
                    ? "no measurement moved by more than " + percent(run.driftThreshold()) + "\n\n"
                    : drift.size() + " measurement(s) moved by more than " + percent(run.driftThreshold())
                    + " (drift informs, it does not decide)\n\n" + String.join("\n", drift) + "\n\n");
        }
        md.append(counts(verdict.counts())).append("\n");
        return md.toString();
    }

    private static void table(StringBuilder md, List<Verdict.Check> checks, boolean compared, boolean withReason) {
        md.append("| ID | status |").append(compared ? " since baseline |" : "").append(withReason ? " reason |" : "")
                .append(" observed |\n|---|---|").append(compared ? "---|" : "").append(withReason ? "---|" : "").append("---|\n");
        for (Verdict.Check c : checks) {
            md.append("| ").append(c.id()).append(" | ").append(c.status()).append(" |");
            if (compared) {
                md.append(" ").append(c.sinceBaseline() == null ? "" : cell(c.sinceBaseline().change())).append(" |");
            }
            if (withReason) {
                md.append(" ").append(cell(c.reason() == null ? "" : c.reason())).append(" |");
            }
            md.append(" ").append(cell(observed(c.observed()))).append(" |\n");
        }
        md.append('\n');
    }

    private static String observed(List<Observation> observed) {
        String shown = observed.stream().limit(SHOWN).map(Observation::text).collect(Collectors.joining(" · "));
        return observed.size() > SHOWN ? shown + " · … " + (observed.size() - SHOWN) + " more in verdict.json" : shown;
    }

    /** {@code ::error title=C11.2::reason} for each FAIL and P1 (GitHub's escaping of %, CR and LF). */
    public static List<String> annotations(Verdict verdict) {
        return verdict.checklist().stream().filter(c -> c.status().failsTheGate())
                .map(c -> "::error title=" + c.id() + " " + c.status() + "::" + escapeData(VerdictPage.value(c.reason()))).toList();
    }

    private static String percent(Double ratio) {
        return Math.round(ratio * 100) + " %";
    }

    private static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** "FAIL 1 · NOT_RUN 5 · PASS 25": the statuses that occur, with how many lines have each. */
    static String counts(Map<CheckStatus, Integer> counts) {
        List<String> shown = new ArrayList<>();
        counts.forEach((status, count) -> {
            if (count > 0) {
                shown.add(status + " " + count);
            }
        });
        return String.join(" · ", shown);
    }

    /** Text in a Markdown table cell: its pipes escaped, on one line. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

}
