package com.bffaccounting.gate.config;

import java.nio.file.Path;
import java.util.Optional;

import static com.bffaccounting.gate.config.SettingsCatalog.BASELINE;
import static com.bffaccounting.gate.config.SettingsCatalog.CALLER_WORKFLOW;
import static com.bffaccounting.gate.config.SettingsCatalog.DRIFT_THRESHOLD;
import static com.bffaccounting.gate.config.SettingsCatalog.FAIL_ON_INCOMPLETE;
import static com.bffaccounting.gate.config.SettingsCatalog.WORKFLOW;

/**
 * How the gate decides and what it compares with.
 *
 * @param baseline a previous run's verdict.json, to show what changed since (-Dverdict.baseline)
 * @param driftThreshold the relative change of a measurement since the baseline that is listed as drift
 */
public record GateSettings(boolean failOnIncomplete, String workflowPath, String callerWorkflowPath, Optional<Path> baseline,
                           double driftThreshold) {
    static GateSettings read(SettingReader r) {
        return new GateSettings(r.get(FAIL_ON_INCOMPLETE), Settings.projectPath(r, WORKFLOW).toString(),
                Settings.projectPath(r, CALLER_WORKFLOW).toString(), r.optional(BASELINE).map(Path::of),
                r.get(DRIFT_THRESHOLD));
    }
}
