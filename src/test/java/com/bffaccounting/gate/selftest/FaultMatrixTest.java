package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.sim.Fault;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every check can fail, and this proves it: the features run against the simulated pilot once healthy
 * (no failure allowed) and once per fault of {@code FAULTS.md}, and each fault must fail exactly the
 * checklist IDs its row names, with a message a person can act on.
 */
class FaultMatrixTest {
    private static final List<FaultCatalog.Row> ROWS = FaultCatalog.load();

    @Test
    void healthyPilotHasNoFailure() {
        FeatureRun run = FeatureRun.run("healthy", Map.of("env", "sim", "sim.faults", ""));
        assertThat(run.with(FeatureRun.Status.FAILED)).as(run.describe()).isEmpty();
        assertThat(run.with(FeatureRun.Status.PASSED)).as(run.describe()).isNotEmpty();
    }

    @Test
    void everyFaultSwitchHasExactlyOneRow() {
        Set<String> switches = Arrays.stream(Fault.values()).map(Fault::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> rows = ROWS.stream().map(FaultCatalog.Row::fault).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows).hasSize(ROWS.size()).isEqualTo(switches);
    }

    @TestFactory
    Stream<DynamicTest> eachFaultFailsExactlyItsChecks() {
        return ROWS.stream().map(row -> DynamicTest.dynamicTest(row.fault() + " fails " + row.mustFail(), () -> {
            FeatureRun run = FeatureRun.run(row.fault(), Map.of("env", "sim", "sim.faults", row.fault()));
            assertThat(run.failedIds()).as("failed checklist IDs with fault %s:%n%s", row.fault(), run.describe())
                    .isEqualTo(row.mustFail());
            if (!row.messageFragment().isEmpty()) {
                assertThat(run.with(FeatureRun.Status.FAILED)).as(run.describe())
                        .anySatisfy(r -> assertThat(r.message()).contains(row.messageFragment()));
            }
        }));
    }
}
