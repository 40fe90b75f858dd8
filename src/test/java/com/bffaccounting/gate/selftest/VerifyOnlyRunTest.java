package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.outcome.CheckStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * C9.2: the default run is verify-only. The simulated API server counts every write request that does
 * not come from its own controllers — from the suite's client and from Helm alike — and the C9.2
 * scenario asserts that count is zero after every check before it ran; deploy and rollback runs, by
 * contrast, do write (and report C9.2 as not run).
 */
class VerifyOnlyRunTest {

    @Test
    void aVerifyRunSendsNoWriteAndADeployRunDoes() {
        FeatureRun verify = FeatureRun.run("verify-only", Map.of("env", "sim", "sim.faults", "", "deploy", "false", "rollback", "false"));
        assertThat(verify.results()).as(verify.describe()).filteredOn(r -> r.checklistIds().contains("C9.2"))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(CheckStatus.PASS));

        FeatureRun deploy = FeatureRun.run("deploy-writes", Map.of("env", "sim", "sim.faults", "", "deploy", "true", "rollback", "false"));
        assertThat(deploy.results()).as(deploy.describe()).filteredOn(r -> r.checklistIds().contains("C9.2"))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(CheckStatus.NOT_RUN));
        assertThat(deploy.results()).filteredOn(r -> r.checklistIds().contains("C5.1"))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(CheckStatus.PASS));
    }
}
