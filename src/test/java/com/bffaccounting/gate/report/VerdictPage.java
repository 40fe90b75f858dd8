package com.bffaccounting.gate.report;

import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Observation;

import java.util.List;

/**
 * {@code reports/verdict.html}: the release decision on one self-contained page (no script, no external
 * resource) for the stakeholders who decide go or no-go. The decision comes first, readable on a laptop
 * screen without scrolling; then every checklist line, P1 and product failures apart from what the
 * suite could not judge, each with its full reason.
 */
public final class VerdictPage {
    private VerdictPage() {
    }

    /**
     * The page of a run that left no verdict (stopped, or it died before the end): it says so, so that no
     * earlier run's decision is read as this one's.
     */
    public static String unfinished(String why) {
        return "<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>릴리스 판정 없음 — no verdict</title><style>"
                + CSS + "</style></head><body><header><div class=\"decision INCOMPLETE\" id=\"decision\">NO VERDICT<small>"
                + "이 실행은 끝나지 않았습니다 — this run did not finish</small></div><div class=\"facts\"><h1>릴리스 판정 — Release"
                + " decision</h1><p id=\"unfinished\">" + esc(why) + "</p></div></header></body></html>";
    }

    public static String render(Verdict verdict) {
        Verdict.Run run = verdict.run();
        boolean compared = run.baseline() != null;
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>릴리스 판정 ").append(verdict.overall()).append(" — bff-accounting ")
                .append(esc(value(run.releaseTag()))).append("</title><style>").append(CSS).append("</style></head><body>");
        if (verdict.simulation()) {
            html.append("<div class=\"banner\" id=\"sim-banner\">시뮬레이션 — SIMULATION: this run verified the simulated pilot, "
                    + "not a deployment. It is not a release verdict.</div>");
        }
        html.append("<header><div class=\"decision ").append(verdict.overall()).append("\" id=\"decision\">")
                .append(verdict.overall()).append("<small>").append(esc(verdict.overall().meaning())).append("</small>")
                .append("</div><div class=\"facts\"><h1>릴리스 판정 — Release decision</h1><dl>");
        fact(html, "release tag", run.releaseTag());
        fact(html, "env", run.env());
        fact(html, "kube context", run.kubeContext());
        fact(html, "image", run.image() + (run.imageDigest() == null ? "" : "@" + run.imageDigest()));
        fact(html, "time", run.startedAt() + " → " + run.finishedAt());
        if (compared) {
            fact(html, "since", run.baseline() + " — drift beyond " + Math.round(run.driftThreshold() * 100) + " %");
        }
        html.append("</dl><p class=\"counts\">");
        verdict.counts().forEach((status, count) -> html.append("<span class=\"").append(status).append("\">")
                .append(status).append(" ").append(count).append("</span> "));
        html.append("<a href=\"allure-report/index.html\">Allure report — 상세 보고서</a></p></div></header>");
        if (run.error() != null) {
            html.append("<p class=\"run-error\">실행 준비 실패 — the run could not be set up: ").append(esc(run.error())).append("</p>");
        }
        List<Verdict.Check> checks = Baseline.regressionsFirst(verdict.checklist());
        group(html, "P1 — 고객 분류 P1", checks, compared, CheckStatus.P1);
        group(html, "제품 결함 — Product failures: the release is at fault", checks, compared, CheckStatus.FAIL);
        group(html, "판정 불가 — Not judged: infrastructure or data (INCONCLUSIVE), or not run here (NOT_RUN)", checks, compared,
                CheckStatus.INCONCLUSIVE, CheckStatus.NOT_RUN);
        group(html, "통과 — Passed", checks, compared, CheckStatus.PASS);
        return html.append("</body></html>\n").toString();
    }

    private static void group(StringBuilder html, String title, List<Verdict.Check> checks, boolean compared, CheckStatus... statuses) {
        List<Verdict.Check> rows = checks.stream().filter(c -> List.of(statuses).contains(c.status())).toList();
        if (rows.isEmpty()) {
            return;
        }
        html.append("<section><h2>").append(esc(title)).append(" (").append(rows.size()).append(")</h2><table>")
                .append("<colgroup><col style=\"width:64px\"><col style=\"width:280px\"><col style=\"width:110px\">")
                .append(compared ? "<col style=\"width:190px\">" : "").append("<col></colgroup><thead><tr>")
                .append("<th>ID</th><th>항목 — Checklist line</th><th>status</th>")
                .append(compared ? "<th>since baseline</th>" : "").append("<th>reason · 관측 — what was seen</th></tr></thead><tbody>");
        for (Verdict.Check c : rows) {
            html.append("<tr id=\"row-").append(esc(c.id())).append("\"><td class=\"id\">").append(esc(c.id())).append("</td><td>")
                    .append(esc(c.section())).append("<br><small>").append(esc(c.requirement())).append("</small></td>")
                    .append("<td><span class=\"status ").append(c.status()).append("\">").append(c.status()).append("</span></td>");
            if (compared) {
                html.append("<td class=\"change\">");
                if (c.sinceBaseline() != null) {
                    html.append(esc(c.sinceBaseline().change()));
                    list(html, "drift", c.sinceBaseline().drift().stream().map(Verdict.Drift::text).toList());
                }
                html.append("</td>");
            }
            html.append("<td>");
            if (c.reason() != null) {
                html.append("<div class=\"reason\">").append(esc(c.reason())).append("</div>");
            }
            list(html, "observed", c.observed().stream().map(Observation::text).toList());
            html.append("</td></tr>");
        }
        html.append("</tbody></table></section>");
    }

    private static void list(StringBuilder html, String kind, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        html.append("<ul class=\"").append(kind).append("\">");
        items.forEach(item -> html.append("<li>").append(esc(item)).append("</li>"));
        html.append("</ul>");
    }

    /** A fact of the header: its name, and its value or a dash. */
    static void fact(StringBuilder html, String name, String value) {
        html.append("<dt>").append(esc(name)).append("</dt><dd>").append(esc(value(value))).append("</dd>");
    }

    /** What a verdict's missing value shows as. */
    static String value(String v) {
        return v == null ? "—" : v;
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static final String CSS = "body{font-family:'Noto Sans CJK KR','Noto Sans KR',system-ui,sans-serif;margin:0;"
            + "color:#1d2330;background:#f6f7f9}"
            + ".banner{background:#5b3cc4;color:#fff;padding:8px 24px;font-weight:600}"
            + "header{display:flex;gap:24px;align-items:center;padding:16px 24px;background:#fff;border-bottom:1px solid #dde}"
            + ".decision{flex:none;font-size:52px;font-weight:800;padding:12px 28px;border-radius:10px;color:#fff;min-width:220px;"
            + "text-align:center;white-space:nowrap}.decision small{display:block;font-size:18px;font-weight:600}"
            + ".decision.PASS{background:#1f8a4c}.decision.FAIL{background:#c62828}.decision.INCOMPLETE{background:#b26a00}"
            + "h1{font-size:18px;margin:0 0 6px}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0;font-size:14px}"
            + "dt{color:#667}dd{margin:0;word-break:break-all}.counts{margin:8px 0 0;font-size:14px}"
            + ".counts span{margin-right:6px;padding:1px 6px;border-radius:4px;background:#eef}"
            + ".run-error{margin:12px 24px;padding:10px;background:#fdecea;border:1px solid #c62828}"
            + "section{margin:16px 24px}h2{font-size:16px;margin:0 0 6px}"
            + "table{border-collapse:collapse;width:100%;table-layout:fixed;background:#fff;font-size:13px}"
            + "th,td{border:1px solid #dde;padding:5px 8px;text-align:left;vertical-align:top}.id{font-weight:700;white-space:nowrap}"
            + ".status{font-weight:700;padding:1px 6px;border-radius:4px;color:#fff;white-space:nowrap}"
            + ".status.PASS{background:#1f8a4c}.status.FAIL{background:#c62828}.status.P1{background:#7b1fa2}"
            + ".status.INCONCLUSIVE{background:#b26a00}.status.NOT_RUN{background:#78808c}.reason{white-space:pre-wrap}"
            // what each line saw: small chips that wrap, so a line of 3 sources or 12 tenants stays a few rows high
            + "ul.observed,ul.drift{list-style:none;margin:2px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:3px 4px}"
            + "ul.observed li{background:#eef1f6;border-radius:3px;padding:0 5px;font-size:12px;color:#334;word-break:break-word}"
            + "ul.drift li{background:#fff4d6;border-radius:3px;padding:0 5px;font-size:12px}";
}
