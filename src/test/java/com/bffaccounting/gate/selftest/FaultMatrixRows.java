package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.io.Executables;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix's rows as tests: each runs the features against the simulated pilot with its fault
 * and asserts exactly which checklist IDs fail and which are INCONCLUSIVE. Split in three parts so that
 * Surefire's three forks run them side by side: a run waits (on Prometheus's first scrape, on pods, on
 * alert windows) more than it computes, and two cores run three of them well.
 */
final class FaultMatrixRows {
    static final int PARTS = 3;
    /** Faults whose rows wait out the alert's P1 window (compressed to seconds in sim, but still the longest). */
    private static final Set<String> ALERT_WINDOW_FAULTS = Set.of("sync-stale", "alert-stuck", "alert-flap");

    private FaultMatrixRows() {
    }

    /**
     * One dynamic test per row of this part ({@code -Dfaults.only=a,b} narrows them to those faults). Rows
     * go, in the table's order, to the part with the least work so far: a row that watches an alert through
     * its P1 window costs about three others.
     */

    static Stream<DynamicTest> tests(List<FaultCatalog.Row> rows, int part) {
        Set<String> only = new HashSet<>(Arrays.asList(System.getProperty("faults.only", "").split(",")));
        only.remove("");
        int[] work = new int[PARTS];
        List<FaultCatalog.Row> mine = new ArrayList<>();
        for (FaultCatalog.Row row : rows) {
            int lightest = 0;
            for (int p = 1; p < PARTS; p++) {
                lightest = work[p] < work[lightest] ? p : lightest;
            }
            work[lightest] += ALERT_WINDOW_FAULTS.contains(row.fault()) ? 3 : 1;
            if (lightest == part) {
                mine.add(row);
            }
        }
        return mine.stream()
                .filter(row -> only.isEmpty() || only.contains(row.fault()))
                .map(row -> DynamicTest.dynamicTest(row.label() + " " + row.expectation(), () -> {
            if (row.needsPrometheus()) {
                boolean present = Executables.onPath("prometheus").isPresent();
                if (!present && Boolean.getBoolean("prometheus.required")) {
                    throw new AssertionError("prometheus is not on PATH but prometheus.required=true");
                }
                Assumptions.assumeTrue(present,
                        "the " + row.fault() + " row is written for a real Prometheus, and no prometheus binary is on PATH");
            }
            Map<String, String> settings = new HashMap<>(Map.of("env", "sim", "sim.faults", row.fault(),
                    "deploy", "false", "rollback", "false"));
            settings.putAll(row.runWith());
            // "only=cluster": a row about the API server leaves out the external-sync checks, which read Prometheus
            // (never the API server, in sim) and wait on its scrapes — they are proven by the rows about them
            String checks = settings.remove("only");
            // "only=rollout": a deploy row of a rollout fault, whose verify-only row proves the whole checklist's IDs
            FeatureRun run = "cluster".equals(checks) ? FeatureRun.runTagged(row.label(), settings, FeatureRun.CLUSTER_CHECKS)
                    : "rollout".equals(checks) ? FeatureRun.runTagged(row.label(), settings, FeatureRun.ROLLOUT_CHECKS)
                    : FeatureRun.run(row.label(), settings);
            assertThat(run.failedIds()).as("failed checklist IDs with fault %s:%n%s", row.fault(), run.describe())
                    .isEqualTo(row.mustFail());
            assertThat(run.inconclusiveIds()).as("inconclusive checklist IDs with fault %s:%n%s", row.fault(), run.describe())
                    .isEqualTo(row.inconclusive());
            // people read the API server's words, never a Java object's toString, a class name or a frame
            assertThat(run.results()).as(run.describe()).allSatisfy(r -> assertThat(r.message() == null ? "" : r.message())
                    .doesNotContain("Status(").doesNotContain("StatusDetails").doesNotContain("io.fabric8").doesNotContain("\tat ")
                    .doesNotContainPattern("\\b[a-z]+(\\.[a-z0-9]+)+\\.[A-Z]\\w*(Exception|Error)\\b"));
            if (!row.messageFragment().isEmpty()) {
                assertThat(run.results()).as(run.describe())
                        .filteredOn(r -> r.status().failsTheGate() || r.status() == CheckStatus.INCONCLUSIVE)
                        .anySatisfy(r -> assertThat(r.message()).contains(row.messageFragment()));
            }
        }));
    }
}
