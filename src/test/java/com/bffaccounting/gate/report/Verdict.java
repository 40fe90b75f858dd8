package com.bffaccounting.gate.report;

import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Decision;
import com.bffaccounting.gate.outcome.Observation;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code reports/verdict.json} holds (schema: {@code src/test/resources/verdict.schema.json}).
 * Statuses and the decision are typed; the JSON spells them by their names, as schema 1 did.
 */
public record Verdict(int schemaVersion, Decision overall, boolean simulation, String notice, Run run,
                      Map<CheckStatus, Integer> counts, List<Check> checklist) {
    /** 2: each line says what it saw ({@code observed}) and, with a baseline, what changed ({@code sinceBaseline}). */
    public static final int SCHEMA_VERSION = 2;

    public Verdict {
        EnumMap<CheckStatus, Integer> all = new EnumMap<>(CheckStatus.class);
        for (CheckStatus s : CheckStatus.values()) {
            all.put(s, counts == null ? 0 : counts.getOrDefault(s, 0));
        }
        counts = all;
    }

    /**
     * @param id the run that wrote it: the gate decides only on its own run's verdict
     * @param baseline the verdict this run was compared with ({@code -Dverdict.baseline}), as a label; null without one
     * @param driftThreshold the relative change of a measurement that is listed as drift ({@code verdict.driftThreshold})
     */
    public record Run(String id, String releaseTag, String env, String kubeContext, String image, String imageDigest,
                      String chartVersion, String helmVersion, String bff, String prometheus, Integer apiRetries, String error,
                      String startedAt, String finishedAt, String baseline, Double driftThreshold) {
        /** The kube context's own name, without what the run said of it ("sim-pilot (SimCluster — …)" → "sim-pilot"). */
        public String contextName() {
            if (kubeContext == null || kubeContext.isBlank()) {
                return null;
            }
            int note = kubeContext.indexOf(" (");
            return note > 0 ? kubeContext.substring(0, note) : kubeContext;
        }
    }

    /** One checklist line: its worst scenario's status and reason, and everything its scenarios saw. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(String id, String section, String requirement, CheckStatus status, String reason,
                        List<Observation> observed, SinceBaseline sinceBaseline, List<ScenarioResult> scenarios) {
        public Check {
            observed = observed == null ? List.of() : List.copyOf(observed);
        }

        /** Whether this line passed in the baseline and fails now. */
        public boolean regressed() {
            return sinceBaseline != null && sinceBaseline.regressed();
        }
    }

    public record ScenarioResult(String name, CheckStatus status, String message, String location) {
    }

    /**
     * What changed on this line since the baseline run.
     *
     * @param before its status then (null: the baseline had no such line)
     * @param change "PASS → FAIL", "fixed: FAIL → PASS", "unchanged" or "new"
     * @param drift its measurements that moved by more than {@code verdict.driftThreshold}; never a reason to fail by itself
     */
    public record SinceBaseline(CheckStatus before, String change, boolean regressed, List<Drift> drift) {
        public SinceBaseline {
            drift = drift == null ? List.of() : List.copyOf(drift);
        }
    }

    /**
     * One measurement that moved: {@code lag bank-sbx 20 s → 200 s (+900 %)}.
     *
     * @param relative (now − before) ÷ |before|; null when before was 0
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Drift(String name, String subject, String unit, double before, double now, Double relative, String text) {
    }
}
