package com.bffaccounting.gate.logs;

import com.bffaccounting.gate.gating.TenantProbeResult;
import com.bffaccounting.gate.http.HttpReply;
import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.waits.Timeout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefusalLogCheckTest {
    private final RefusalLogCheck check = new RefusalLogCheck("TENANT_NOT_ENABLED",
            new Timeout("log arrival", Duration.ofMillis(300), "a test's"));

    @Test
    void aTenantIsFoundOnlyAsAWholeWordOnARefusalLine() {
        List<String> lines = List.of(
                "2026-11-26T03:00:00Z WARN TENANT_NOT_ENABLED tenant=pilot-bb path=/v1/accounting/audit",
                "2026-11-26T03:00:00Z INFO GET /v1/accounting/audit 403 tenant=test-tenant",
                "{\"level\":\"warn\",\"msg\":\"TENANT_NOT_ENABLED\",\"tenant\":\"unauthorized\"}");
        assertThat(check.missing(List.of("pilot-b", "test-tenant", "unauthorized"), lines))
                .containsExactly("pilot-b", "test-tenant");
    }

    @Test
    void missingRefusalsAreNamedAfterTheWait() {
        assertThatThrownBy(() -> check.assertLogged(List.of("pilot-b"), List::of, "SimBff log"))
                .isInstanceOf(CheckFailed.class)
                .hasMessageContaining("no TENANT_NOT_ENABLED line in the SimBff log for 1 of 1 refused tenants — pilot-b")
                .hasMessageContaining("the BFF wrote nothing to its log in 300 ms");
    }

    @Test
    void withoutAnyRefusalThereIsNothingToFindSoItIsInconclusive() {
        List<TenantProbeResult> letThrough = List.of(TenantProbeResult.answered("pilot-b", new HttpReply(200, "{}", "application/json")));
        assertThatThrownBy(() -> check.assertRefusalsLogged(letThrough, List::of, "SimBff log"))
                .isInstanceOf(Inconclusive.class)
                .hasMessageContaining("none of the 1 non-pilot tenants was refused with TENANT_NOT_ENABLED");
    }

    @Test
    void aThousandTenantsAreCheckedAtOnce() {
        List<String> tenants = IntStream.range(0, 1000).mapToObj(i -> "np-" + i).toList();
        List<String> lines = tenants.stream().map(t -> "WARN TENANT_NOT_ENABLED tenant=" + t).toList();
        check.assertLogged(tenants, () -> lines, "SimBff log");
    }
}
