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
        FeatureRun run = FeatureRun.run("healthy", Map.of("env", "sim", "sim.faults", "", "deploy", "false", "rollback", "false"));
        assertThat(run.with(FeatureRun.Status.FAILED)).as(run.describe()).isEmpty();
        assertThat(run.with(FeatureRun.Status.INCONCLUSIVE)).as(run.describe()).isEmpty();
        assertThat(run.with(FeatureRun.Status.PASSED)).as(run.describe()).isNotEmpty();
    }

    @Test
    void healthyDeployAndRollbackRunHasNoFailure() {
        FeatureRun run = FeatureRun.run("healthy-deploy-rollback",
                Map.of("env", "sim", "sim.faults", "", "deploy", "true", "rollback", "true"));
        assertThat(run.with(FeatureRun.Status.FAILED)).as(run.describe()).isEmpty();
        assertThat(run.with(FeatureRun.Status.INCONCLUSIVE)).as(run.describe()).isEmpty();
        assertThat(run.results()).as(run.describe())
                .filteredOn(r -> r.checklistIds().contains("C5.1") || r.checklistIds().contains("C13.1"))
                .hasSize(2).allMatch(r -> r.status() == FeatureRun.Status.PASSED);
    }

    @Test
    void everyFaultSwitchHasARow() {
        Set<String> switches = Arrays.stream(Fault.values()).map(Fault::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> rows = ROWS.stream().map(FaultCatalog.Row::fault).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows).isEqualTo(switches);
    }

    /** A third of the rows here; {@link FaultMatrixPartTwoTest} and {@link FaultMatrixPartThreeTest} run the others in forks of their own. */
    @TestFactory
    Stream<DynamicTest> eachFaultFailsExactlyItsChecks() {
        return FaultMatrixRows.tests(ROWS, 0);
    }
}
