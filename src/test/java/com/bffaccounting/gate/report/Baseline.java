package com.bffaccounting.gate.report;

import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Observation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A previous run's verdict.json ({@code -Dverdict.baseline}, e.g. the previous tag's artifact), to say per
 * checklist line what changed since: its status (a regression, a fix, or nothing) and the drift of its
 * measurements, compared by name and subject. A measurement that moved by more than the threshold is
 * listed, the way Keptn's relative SLO criteria compare with the previous evaluation, but per line; drift
 * informs, it never decides. A baseline of schema 1 (no observations) still gives the status changes.
 */
public final class Baseline {
    private final String label;
    private final Map<String, CheckStatus> statusById;
    private final Map<String, Map<String, Observation>> measuredById;

    Baseline(String label, Map<String, CheckStatus> statusById, Map<String, Map<String, Observation>> measuredById) {
        this.label = label;
        this.statusById = statusById;
        this.measuredById = measuredById;
    }

    public static Baseline read(Path verdictFile) {
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode verdict = json.readTree(verdictFile.toFile());
            Map<String, CheckStatus> statuses = new HashMap<>();
            Map<String, Map<String, Observation>> measured = new HashMap<>();
            for (JsonNode check : verdict.path("checklist")) {
                String id = check.path("id").asText();
                statusOf(check.path("status").asText()).ifPresent(status -> statuses.put(id, status));
                Map<String, Observation> byKey = new LinkedHashMap<>();
                for (JsonNode o : check.path("observed")) {
                    Observation observation = json.treeToValue(o, Observation.class);
                    if (observation.number().isPresent()) {
                        observation.key().ifPresent(key -> byKey.putIfAbsent(key, observation));
                    }
                }
                measured.put(id, byKey);
            }
            String tag = verdict.path("run").path("releaseTag").asText("");
            return new Baseline(verdictFile + (tag.isEmpty() ? "" : " (" + tag + ")"), statuses, measured);
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException("verdict.baseline: cannot read " + verdictFile,
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
    }

    private static Optional<CheckStatus> statusOf(String name) {
        return Arrays.stream(CheckStatus.values()).filter(s -> s.name().equals(name)).findFirst();
    }

    /** Which run it is, for a heading: "reports-r7-final/verdict.json (r7-final-20251203)". */
    public String label() {
        return label;
    }

    /** What changed on line {@code id}, now {@code status} having seen {@code observed}. */
    public Verdict.SinceBaseline since(String id, CheckStatus now, List<Observation> observed, double driftThreshold) {
        CheckStatus before = statusById.get(id);
        String change = before == null ? "new" : before == now ? "unchanged"
                : (before.failsTheGate() && now == CheckStatus.PASS ? "fixed: " : "") + before + " → " + now;
        boolean regressed = before == CheckStatus.PASS && now.failsTheGate();
        return new Verdict.SinceBaseline(before, change, regressed, drift(measuredById.getOrDefault(id, Map.of()), observed, driftThreshold));
    }

    /** Each measurement of now whose baseline value moved by more than the threshold (relative to the baseline's). */
    static List<Verdict.Drift> drift(Map<String, Observation> before, List<Observation> now, double threshold) {
        List<Verdict.Drift> drift = new ArrayList<>();
        for (Observation o : now) {
            if (o.number().isEmpty() || o.key().isEmpty() || !before.containsKey(o.key().get())) {
                continue;
            }
            double then = before.get(o.key().get()).number().getAsDouble();
            double value = o.number().getAsDouble();
            Double relative = then == 0 ? null : Math.round((value - then) / Math.abs(then) * 1000) / 1000.0;
            boolean beyond = relative == null ? value != 0 : Math.abs(relative) > threshold;
            if (beyond) {
                String unit = o.unit();
                drift.add(new Verdict.Drift(o.name(), o.subject(), unit, then, value, relative,
                        o.name() + (o.subject() == null ? "" : " " + o.subject()) + " " + Observation.withUnit(then, unit) + " → "
                                + Observation.withUnit(value, unit) + " (" + (relative == null ? "from 0"
                                : (relative >= 0 ? "+" : "") + Math.round(relative * 100) + " %") + ")"));
            }
        }
        return drift;
    }

    /** The lines in checklist order, regressions first (as every view of the verdict lists them). */
    public static List<Verdict.Check> regressionsFirst(List<Verdict.Check> checks) {
        return checks.stream().sorted(java.util.Comparator.comparing((Verdict.Check c) -> !c.regressed())).toList();
    }
}
