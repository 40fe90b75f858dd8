package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.sim.SimRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release pinned by digest: C4.1 passes when the tag resolves to exactly that digest and fails, naming
 * both, when the tag has moved; a deploy then runs and is compared by the digest (C5.1, C5.3).
 */
class PinnedDigestTest {
    private static final String SIM_DIGEST = SimRegistry.digestOf(
            "tristan00037-tristan050/tristan050-ai_ondevice_app/bff-accounting:r7-h-pilot-20251203");
    private static final String OTHER_DIGEST = "sha256:" + "0".repeat(64);

    @Test
    void theTagMustResolveToThePinnedDigestAndIsDeployedByIt() {
        FeatureRun pinned = FeatureRun.runTagged("pinned-digest", Map.of("env", "sim", "image.digest", SIM_DIGEST, "deploy", "true"),
                "@C4.1 or @C5.1 or @C5.3");
        assertThat(pinned.idsWith(CheckStatus.PASS)).as(pinned.describe()).contains("C4.1", "C5.1", "C5.3");
        assertThat(pinned.failedIds()).as(pinned.describe()).isEmpty();

        FeatureRun moved = FeatureRun.runTagged("moved-tag", Map.of("env", "sim", "image.digest", OTHER_DIGEST), "@C4.1");
        assertThat(moved.failedIds()).as(moved.describe()).containsExactly("C4.1");
        assertThat(moved.results()).filteredOn(r -> r.checklistIds().contains("C4.1")).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("resolves to " + SIM_DIGEST)
                        .contains("not to the pinned " + OTHER_DIGEST).contains("the tag has moved"));
    }
}
