package com.bffaccounting.gate.selftest;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** The last third of the fault matrix's rows ({@link FaultMatrixTest}), run in a Surefire fork of its own. */
class FaultMatrixPartThreeTest {
    @TestFactory
    Stream<DynamicTest> eachFaultFailsExactlyItsChecks() {
        return FaultMatrixRows.tests(FaultCatalog.load(), 2);
    }
}
