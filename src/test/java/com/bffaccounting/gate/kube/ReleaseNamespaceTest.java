package com.bffaccounting.gate.kube;

import com.bffaccounting.gate.outcome.CheckFailed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseNamespaceTest {
    @Test
    void aMissingNamespaceFailsAVerifyOnlyRunWithTheCommandThatCreatesIt() {
        ReleaseNamespace missing = new ReleaseNamespace("accounting", "prod", false, false);
        assertThat(missing.observed().text()).isEqualTo("namespace accounting not found in context prod");
        assertThatThrownBy(missing::require).isInstanceOf(CheckFailed.class).hasMessageContaining("kubectl create namespace accounting");
    }

    @Test
    void aDeployRunIsToldItsDeployCreatesIt() {
        ReleaseNamespace missing = new ReleaseNamespace("accounting", "prod", false, true);
        assertThat(missing.observed().text()).contains("does not exist yet").contains("creates it with the release");
        assertThatCode(missing::require).doesNotThrowAnyException();
    }

    @Test
    void anExistingNamespaceIsSaidAndPasses() {
        ReleaseNamespace there = new ReleaseNamespace("accounting", "prod", true, false);
        assertThat(there.observed().text()).isEqualTo("namespace accounting exists in context prod");
        assertThatCode(there::require).doesNotThrowAnyException();
    }
}
