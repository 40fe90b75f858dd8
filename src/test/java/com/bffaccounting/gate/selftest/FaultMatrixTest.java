package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.sim.Fault;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every check can fail, and this proves it: the features run against the simulated pilot once per fault
 * of {@code FAULTS.md}, and each fault must fail exactly the checklist IDs its row names, with a message a
 * person can act on ({@link HealthyPilotTest}: and a healthy pilot fails nothing).
 */
class FaultMatrixTest {
    private static final List<FaultCatalog.Row> ROWS = FaultCatalog.load();

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
