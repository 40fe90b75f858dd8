package com.bffaccounting.gate.selftest;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** The other half of the fault matrix's rows ({@link FaultMatrixTest}), run in a second Surefire fork. */
class FaultMatrixSecondHalfTest {
    @TestFactory
    Stream<DynamicTest> eachFaultFailsExactlyItsChecks() {
        return FaultMatrixRows.tests(FaultCatalog.load(), 1);
    }
}
