package com.bffaccounting.gate.config;

import java.nio.file.Path;
import java.util.Optional;

import static com.bffaccounting.gate.config.SettingsCatalog.BASELINE;
import static com.bffaccounting.gate.config.SettingsCatalog.CALLER_WORKFLOW;
import static com.bffaccounting.gate.config.SettingsCatalog.FAIL_ON_INCOMPLETE;
import static com.bffaccounting.gate.config.SettingsCatalog.WORKFLOW;

/**
 * How the gate decides and what it compares with.
 *
 * @param baseline a previous run's verdict.json, to show what changed since (-Dverdict.baseline)
 */
public record GateSettings(boolean failOnIncomplete, String workflowPath, String callerWorkflowPath, Optional<Path> baseline) {
    static GateSettings read(SettingReader r) {
        return new GateSettings(r.get(FAIL_ON_INCOMPLETE), Settings.projectPath(r, WORKFLOW).toString(),
                Settings.projectPath(r, CALLER_WORKFLOW).toString(), r.optional(BASELINE).map(Path::of));
    }
}
