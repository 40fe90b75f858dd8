package com.bffaccounting.gate.report;

import com.bffaccounting.gate.outcome.CheckStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress while the checklist runs: one plain line per check as it ends. */
class ConsoleSummaryTest {
    @Test
    void aFinishedCheckIsOneLineWithItsIdsStatusTimeAndAShortReason() {
        ScenarioOutcome outcome = new ScenarioOutcome("Pod 상태 확인", "features/06-rollout.feature", 7, List.of("@C6.1", "@SEVERITY=blocker"),
                CheckStatus.FAIL, "pod bff-accounting-7d9 CrashLoopBackOff (failed fast 1.0 s after it appeared)\n" + "x".repeat(200), List.of());
        String line = ConsoleSummary.progressLine(outcome, Duration.ofMillis(1234));
        assertThat(line).startsWith("[release-gate] C6.1         FAIL           1.2 s  pod bff-accounting-7d9 CrashLoopBackOff")
                .endsWith("…").doesNotContain("\n").doesNotContain("\u001b");
        assertThat(ConsoleSummary.progressLine(new ScenarioOutcome("x", "f", 1, List.of("@C2.1"), CheckStatus.PASS, null, List.of()), Duration.ZERO))
                .isEqualTo("[release-gate] C2.1         PASS           0.0 s");
    }
}
