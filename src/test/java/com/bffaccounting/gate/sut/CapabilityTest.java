package com.bffaccounting.gate.sut;

import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.outcome.NotRun;
import com.bffaccounting.gate.outcome.Outcomes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a check that requires a capability becomes when the run lacks it: NOT_RUN with the reason when it is
 * absent (a local run's cluster), INCONCLUSIVE when it is there but cannot be used, never a pass.
 */
class CapabilityTest {
    @Test
    void anAbsentCapabilityStopsTheCheckAsNotRunWithItsReason() {
        Capability<String> cluster = Capability.absent("needs a Kubernetes cluster: env=local has none");
        assertThatThrownBy(cluster::require).isInstanceOf(NotRun.class).hasMessage("needs a Kubernetes cluster: env=local has none")
                .satisfies(e -> assertThat(Outcomes.statusOf(e)).isEqualTo(CheckStatus.NOT_RUN));
        assertThat(cluster.present()).isFalse();
        assertThat(cluster.get()).isEmpty();
    }

    @Test
    void anUnusableOrFailedCapabilityIsInconclusiveNeverNotRun() {
        assertThatThrownBy(Capability.unusable("credentials rejected (401)")::require).isInstanceOf(Inconclusive.class)
                .hasMessage("credentials rejected (401)");
        Capability<String> bff = Capability.failed("the BFF exited with 1", "cannot be judged: the BFF did not start (see C8.1)");
        assertThatThrownBy(bff::require).isInstanceOf(Inconclusive.class).hasMessageContaining("see C8.1");
        assertThat(bff.failure()).contains("the BFF exited with 1");
    }

    @Test
    void whatNeedsAMissingCapabilityLacksItForTheSameKindOfReason() {
        assertThatThrownBy(Capability.absent("no cluster").<String>missingFor("needs the BFF: ")::require)
                .isInstanceOf(NotRun.class).hasMessage("needs the BFF: no cluster");
        assertThatThrownBy(Capability.unusable("403").<String>missingFor("needs the BFF: ")::require)
                .isInstanceOf(Inconclusive.class).hasMessage("needs the BFF: 403");
        assertThat(Capability.of("x").require()).isEqualTo("x");
    }
}
