package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.outcome.CheckStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check fails for the reason its words state: the C11.2 Examples with their outcome column swapped
 * must fail against a healthy pilot. If they passed, the expectation would live in the When step (or
 * nowhere), not in the Then step that states it.
 */
class GatingExpectationSwapTest {
    private static final String LET_THROUGH = "is let through the pilot gate";
    private static final String REFUSED = "is refused as not enabled for the pilot";

    @TempDir
    Path features;

    @Test
    void swappingTheOutcomeColumnMakesEveryExampleFail() throws Exception {
        String original = Files.readString(Path.of("features/11-post-deploy-verification.feature"));
        String swapped = original.replace("| " + LET_THROUGH + " ", "| @@REFUSED@@ ")
                .replace("| " + REFUSED + " ", "| " + LET_THROUGH + " ")
                .replace("| @@REFUSED@@ ", "| " + REFUSED + " ");
        assertThat(swapped).as("the Examples table changed shape").isNotEqualTo(original);
        Files.writeString(features.resolve("11-swapped.feature"), swapped);

        FeatureRun run = FeatureRun.runFeatures("gating-swapped", Map.of("env", "sim", "sim.faults", "",
                "deploy", "false", "rollback", "false"), features);

        assertThat(run.results()).as(run.describe()).filteredOn(r -> r.checklistIds().contains("C11.2"))
                .hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo(CheckStatus.FAIL));
        assertThat(run.results()).filteredOn(r -> r.name().contains("pilot tenants") && !r.name().contains("non-pilot"))
                .singleElement().satisfies(r -> assertThat(r.message()).contains("'default': let through the pilot gate with 200"));
        assertThat(run.results()).filteredOn(r -> r.name().contains("non-pilot"))
                .singleElement().satisfies(r -> assertThat(r.message())
                        .contains("'pilot-b': refused by the pilot gate with TENANT_NOT_ENABLED, although it must be let through"));
    }
}
