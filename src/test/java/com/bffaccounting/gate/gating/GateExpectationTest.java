package com.bffaccounting.gate.gating;

import com.bffaccounting.gate.http.HttpReply;
import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Inconclusive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CONTRACT.md's gating table, row by row: what each answer means for a tenant that must pass and one that must not. */
class GateExpectationTest {
    private static final String CODE = "TENANT_NOT_ENABLED";

    private static TenantProbeResult answer(String tenant, int status, String body) {
        return TenantProbeResult.answered(tenant, new HttpReply(status, body, "application/json"));
    }

    @ParameterizedTest(name = "{0} answered {1} {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "LET_THROUGH | 200 | {}                                                        | PASS         | ",
            "LET_THROUGH | 403 | {\"error_code\":\"TENANT_NOT_ENABLED\",\"tenant\":\"t\"} | FAIL         | refused by the pilot gate with TENANT_NOT_ENABLED, although it must be let through",
            "LET_THROUGH | 401 | {\"error_code\":\"UNAUTHORIZED\"}                          | INCONCLUSIVE | the probe was not authorised",
            "LET_THROUGH | 403 | {\"error_code\":\"FORBIDDEN\"}                             | INCONCLUSIVE | gating.probeHeaders",
            "LET_THROUGH | 500 | {\"error\":\"boom\"}                                       | FAIL         | server error 500",
            "LET_THROUGH | 404 | {}                                                        | FAIL         | neither let through nor refused",
            "REFUSED     | 200 | {}                                                        | FAIL         | let through the pilot gate with 200",
            "REFUSED     | 204 |                                                           | FAIL         | let through the pilot gate with 204",
            "REFUSED     | 403 | {\"error_code\":\"TENANT_NOT_ENABLED\",\"tenant\":\"t\"} | PASS         | ",
            "REFUSED     | 403 | {\"error_code\":\"TENANT_NOT_ENABLED\"}                   | FAIL         | body's tenant is missing",
            "REFUSED     | 403 | {\"error_code\":\"TENANT_NOT_ENABLED\",\"tenant\":\"x\"} | FAIL         | body's tenant is 'x' instead of 't'",
            "REFUSED     | 403 | {\"error_code\":\"FORBIDDEN\",\"tenant\":\"t\"}          | FAIL         | refused for another reason (FORBIDDEN, not TENANT_NOT_ENABLED): the pilot gate did not refuse it",
            "REFUSED     | 403 | <html>denied</html>                                       | FAIL         | refused for another reason (no JSON body",
            "REFUSED     | 401 | {}                                                        | INCONCLUSIVE | authentication answered before the pilot gate",
            "REFUSED     | 502 | bad gateway                                               | FAIL         | server error 502: bad gateway",
    })
    void eachAnswerMeansWhatTheContractSays(GateExpectation expectation, int status, String body, CheckStatus expected, String says) {
        GateExpectation.Judgement j = expectation.judge(answer("t", status, body), CODE);
        assertThat(j.status()).isEqualTo(expected);
        if (says != null) {
            assertThat(j.detail()).contains(says);
        }
    }

    @Test
    void noAnswerIsInconclusiveEitherWay() {
        TenantProbeResult none = TenantProbeResult.unanswered("t", "no answer from http://127.0.0.1:1/v1 (connection refused)");
        for (GateExpectation e : GateExpectation.values()) {
            assertThat(e.judge(none, CODE)).isEqualTo(new GateExpectation.Judgement(CheckStatus.INCONCLUSIVE,
                    "no answer from http://127.0.0.1:1/v1 (connection refused)"));
        }
    }

    @Test
    void theSameAnswersFailTheOtherExpectation() {
        List<TenantProbeResult> refused = List.of(answer("pilot-b", 403, "{\"error_code\":\"TENANT_NOT_ENABLED\",\"tenant\":\"pilot-b\"}"));
        GateExpectation.REFUSED.judgeAll(refused, CODE).conclude();
        assertThatThrownBy(() -> GateExpectation.LET_THROUGH.judgeAll(refused, CODE).conclude())
                .isInstanceOf(CheckFailed.class)
                .hasMessage("1 of 1 tenants that must be let through the pilot gate — 'pilot-b': refused by the pilot gate with "
                        + "TENANT_NOT_ENABLED, although it must be let through");
    }

    @Test
    void aFailureOutranksAnUndecidedTenantAndBothAreNamed() {
        List<TenantProbeResult> mixed = List.of(answer("a", 200, "{}"), answer("b", 401, "{}"),
                TenantProbeResult.unanswered("c", "timed out"));
        assertThatThrownBy(() -> GateExpectation.REFUSED.judgeAll(mixed, CODE).conclude())
                .isInstanceOf(CheckFailed.class)
                .hasMessageStartingWith("1 of 3 tenants that must be refused by the pilot gate — 'a': let through")
                .hasMessageContaining("could not decide 2 more — 'b': answered 401");
        assertThatThrownBy(() -> GateExpectation.REFUSED.judgeAll(mixed.subList(1, 3), CODE).conclude())
                .isInstanceOf(Inconclusive.class).hasMessageStartingWith("2 of 2 tenants that must be refused");
    }
}
