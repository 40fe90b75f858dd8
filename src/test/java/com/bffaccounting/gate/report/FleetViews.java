package com.bffaccounting.gate.report;

import com.bffaccounting.gate.outcome.CheckStatus;

import java.util.List;

/**
 * The fleet verdict where people look: {@code verdict.html} with the decision first and a grid of checklist
 * lines × clusters, and the Markdown job summary. Both made from the fleet's verdict.json.
 */
public final class FleetViews {
    private FleetViews() {
    }

    public static String page(FleetVerdict fleet) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>플릿 판정 ").append(fleet.overall()).append(" — bff-accounting ").append(VerdictPage.esc(VerdictPage.value(fleet.releaseTag())))
                .append("</title><style>").append(VerdictPage.CSS).append("td.PASS{background:#e7f4ec}td.FAIL,td.P1{background:#fdecea}")
                .append("td.INCONCLUSIVE{background:#fff4d6}td.NOT_RUN{background:#eef0f3}.grid td{text-align:center}.grid td.reason{text-align:left}")
                .append("</style></head><body>");
        if (fleet.simulation()) {
            html.append("<div class=\"banner\" id=\"sim-banner\">시뮬레이션 — SIMULATION: at least one of these verdicts is of the simulated"
                    + " pilot. It is not a release verdict.</div>");
        }
        html.append("<header><div class=\"decision ").append(fleet.overall()).append("\" id=\"decision\">").append(fleet.overall())
                .append("<small>").append(VerdictPage.esc(fleet.overall().meaning())).append("</small></div><div class=\"facts\">")
                .append("<h1>플릿 판정 — Fleet decision (").append(fleet.clusters().size()).append(" clusters)</h1><dl>");
        VerdictPage.fact(html, "release tag", fleet.releaseTag());
        VerdictPage.fact(html, "image", VerdictPage.value(fleet.image()) + (fleet.imageDigest() == null ? "" : "@" + fleet.imageDigest()));
        for (FleetVerdict.Cluster cluster : fleet.clusters()) {
            VerdictPage.fact(html, cluster.context(), cluster.overall() + (cluster.error() == null ? "" : " — " + cluster.error())
                    + (cluster.verdict() == null ? "" : " (" + cluster.verdict() + ")"));
        }
        html.append("</dl></div></header><section><table class=\"grid\"><thead><tr><th>ID</th><th>항목 — Checklist line</th><th>fleet</th>");
        fleet.clusters().forEach(c -> html.append("<th>").append(VerdictPage.esc(c.context())).append("</th>"));
        html.append("<th>reason</th></tr></thead><tbody>");
        for (FleetVerdict.Line line : fleet.checklist()) {
            html.append("<tr id=\"row-").append(VerdictPage.esc(line.id())).append("\"><td class=\"id\">").append(VerdictPage.esc(line.id()))
                    .append("</td><td style=\"text-align:left\">").append(VerdictPage.esc(line.section())).append("<br><small>")
                    .append(VerdictPage.esc(line.requirement())).append("</small></td><td class=\"").append(line.status()).append("\">")
                    .append(line.status()).append("</td>");
            line.byCluster().values().forEach(s -> html.append("<td class=\"").append(s).append("\">").append(s).append("</td>"));
            html.append("<td class=\"reason\">").append(VerdictPage.esc(line.reason() == null ? "" : line.reason())).append("</td></tr>");
        }
        return html.append("</tbody></table></section></body></html>\n").toString();
    }

    public static String markdown(FleetVerdict fleet) {
        StringBuilder md = new StringBuilder();
        md.append("## Fleet gate: **").append(fleet.overall()).append("** — bff-accounting `").append(VerdictPage.value(fleet.releaseTag()))
                .append("` on ").append(fleet.clusters().size()).append(" clusters\n\n");
        md.append("image `").append(VerdictPage.value(fleet.image())).append(fleet.imageDigest() == null ? "" : "@" + fleet.imageDigest()).append("`\n\n");
        md.append("| cluster | decision | |\n|---|---|---|\n");
        fleet.clusters().forEach(c -> md.append("| `").append(JobSummary.cell(c.context())).append("` | ").append(c.overall()).append(" | ")
                .append(JobSummary.cell(c.error() == null ? "" : c.error())).append(" |\n"));
        List<FleetVerdict.Line> notPassed = fleet.checklist().stream().filter(l -> l.status() != CheckStatus.PASS).toList();
        if (!notPassed.isEmpty()) {
            md.append("\n| ID | fleet |");
            fleet.clusters().forEach(c -> md.append(" `").append(JobSummary.cell(c.context())).append("` |"));
            md.append(" reason |\n|---|---|").append("---|".repeat(fleet.clusters().size())).append("---|\n");
            for (FleetVerdict.Line line : notPassed) {
                md.append("| ").append(line.id()).append(" | ").append(line.status()).append(" |");
                line.byCluster().values().forEach(s -> md.append(" ").append(s).append(" |"));
                md.append(" ").append(JobSummary.cell(line.reason() == null ? "" : line.reason())).append(" |\n");
            }
        }
        return md.append('\n').append(JobSummary.counts(fleet.counts())).append('\n').toString();
    }

}
