package com.bffaccounting.gate.report;

import java.util.List;
import java.util.Map;

/** What {@code reports/verdict.json} holds (schema: {@code src/test/resources/verdict.schema.json}). */
public record Verdict(int schemaVersion, String overall, boolean simulation, String notice, Run run,
                      Map<String, Integer> counts, List<Check> checklist) {

    /** @param id the run that wrote it: the gate decides only on its own run's verdict */
    public record Run(String id, String releaseTag, String env, String kubeContext, String image, String imageDigest,
                      String chartVersion, String helmVersion, String bff, String prometheus, Integer apiRetries, String error,
                      String startedAt, String finishedAt) {
    }

    public record Check(String id, String section, String requirement, String status, String reason,
                        List<ScenarioResult> scenarios) {
    }

    public record ScenarioResult(String name, String status, String message, String location) {
    }
}
