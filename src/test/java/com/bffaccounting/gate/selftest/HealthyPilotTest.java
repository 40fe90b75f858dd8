package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.outcome.CheckStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix's baseline: against a healthy simulated pilot nothing fails and nothing is
 * INCONCLUSIVE, with a deploy and a rollback. (The verify-only baseline is the project's own main job,
 * RunAcceptanceIT, judged by VerdictPageInBrowserIT: one run of the whole checklist fewer.) A class of its
 * own, so that Surefire can give it to whichever fork is free.
 */
class HealthyPilotTest {
    @Test
    void healthyDeployAndRollbackRunHasNoFailure() {
        FeatureRun run = FeatureRun.run("healthy-deploy-rollback",
                Map.of("env", "sim", "sim.faults", "", "deploy", "true", "rollback", "true"));
        assertThat(run.failing()).as(run.describe()).isEmpty();
        assertThat(run.with(CheckStatus.INCONCLUSIVE)).as(run.describe()).isEmpty();
        assertThat(run.results()).as(run.describe())
                .filteredOn(r -> r.checklistIds().contains("C5.1") || r.checklistIds().contains("C13.1"))
                .hasSize(2).allMatch(r -> r.status() == CheckStatus.PASS);
    }
}
