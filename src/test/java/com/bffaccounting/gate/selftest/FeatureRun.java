package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.config.SettingSource;
import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Outcomes;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

/**
 * Runs the real features in this JVM, through the same Cucumber engine and glue as the gate, with
 * exactly the given settings (the caller's -D and environment do not leak in). Used by the fault matrix and the
 * local-mode tests. Reports go to target/, never to reports/.
 */
public final class FeatureRun {
    /** Every check but the external-sync ones (C12), which read Prometheus, never the cluster. */
    public static final String CLUSTER_CHECKS = "not @C12.1 and not @C12.2 and not @C12.3";
    /** Step 3 and Step 4: the deploy, what it left running, and the rollout's lines. */
    public static final String ROLLOUT_CHECKS = "@C5.1 or @C5.3 or @C6.1 or @C6.2 or @C6.3 or @C10.2";

    public record ScenarioResult(String name, Set<String> checklistIds, CheckStatus status, String message) {
    }

    private final List<ScenarioResult> results;

    private FeatureRun(List<ScenarioResult> results) {
        this.results = results;
    }

    public static FeatureRun run(String label, Map<String, String> settings) {
        return run(label, settings, "junit:target/feature-runs/" + label + ".xml", Path.of("features"), null);
    }

    /** Only the scenarios with these tags (a Cucumber tag expression such as {@code @C5.2}); the others are skipped. */
    public static FeatureRun runTagged(String label, Map<String, String> settings, String tagExpression) {
        return run(label, settings, "junit:target/feature-runs/" + label + ".xml", Path.of("features"), tagExpression);
    }

    /** The features of another directory (a changed copy of a feature, say), with the same glue. */
    public static FeatureRun runFeatures(String label, Map<String, String> settings, Path features) {
        return run(label, settings, "junit:target/feature-runs/" + label + ".xml", features, null);
    }

    /** Also with the real reporting plugins (Allure results to {@code allureResults}, verdict.json to report.dir). */
    public static FeatureRun runWithReports(String label, Map<String, String> settings, Path allureResults) {
        return runWithReports(label, settings, allureResults, null);
    }

    /** The same, for the scenarios with these tags only (null: all). */
    public static FeatureRun runWithReports(String label, Map<String, String> settings, Path allureResults, String tagExpression) {
        Map<String, String> withAllure = new HashMap<>(settings);
        withAllure.put("allure.results.directory", allureResults.toString());
        return run(label, withAllure, "junit:target/feature-runs/" + label + ".xml, "
                + "com.bffaccounting.gate.run.VerdictPlugin, io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm", Path.of("features"),
                tagExpression);
    }

    private static synchronized FeatureRun run(String label, Map<String, String> settings, String plugins, Path features,
                                               String tagExpression) {
        // Settings come from this map alone, never from the caller's -D or environment (CI switches aside).
        Map<String, String> explicit = new HashMap<>(settings);
        String allureResults = explicit.remove("allure.results.directory");
        // Allure's lifecycle is one per JVM, and takes its directory when first made: a fork's earlier run (or a unit
        // test) has made it already, so this run gets a lifecycle of its own, writing where it was asked to
        AllureLifecycle savedLifecycle = Allure.getLifecycle();
        if (allureResults != null) {
            Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(Path.of(allureResults))));
        }
        SettingSource.overrideForSelfTest(explicit);
        try {
            LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request();
            if (tagExpression != null) {
                builder.configurationParameter("cucumber.filter.tags", tagExpression);
            }
            LauncherDiscoveryRequest request = builder
                    .selectors(selectDirectory(features.toString()))
                    .configurationParameter("cucumber.glue", "com.bffaccounting.gate.steps, com.bffaccounting.gate.run")
                    .configurationParameter("cucumber.plugin", plugins)
                    .configurationParameter("cucumber.publish.quiet", "true")
                    .build();
            List<ScenarioResult> results = Collections.synchronizedList(new ArrayList<>());
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, new TestExecutionListener() {
                @Override
                public void executionSkipped(TestIdentifier id, String reason) {
                    if (id.isTest()) {
                        results.add(new ScenarioResult(id.getDisplayName(), ids(id), CheckStatus.NOT_RUN, reason));
                    }
                }

                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    if (!id.isTest()) {
                        return;
                    }
                    Throwable error = result.getThrowable().orElse(null);
                    String message = error == null ? null : Outcomes.reasonOf(error);
                    CheckStatus status = Outcomes.statusOf(error);
                    if (status == CheckStatus.PASS && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        status = CheckStatus.INCONCLUSIVE; // aborted or failed without an error: never a pass
                    }
                    results.add(new ScenarioResult(id.getDisplayName(), ids(id), status, message));
                }
            });
            return new FeatureRun(List.copyOf(results));
        } finally {
            SettingSource.clearSelfTestOverride();
            Allure.setLifecycle(savedLifecycle);
        }
    }

    private static Set<String> ids(TestIdentifier id) {
        return id.getTags().stream().map(TestTag::getName)
                .map(t -> ChecklistCatalog.idOf("@" + t)).flatMap(Optional::stream)
                .filter(t -> t.startsWith("C"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public List<ScenarioResult> results() {
        return results;
    }

    public List<ScenarioResult> with(CheckStatus status) {
        return results.stream().filter(r -> r.status() == status).toList();
    }

    /** The scenarios that fail the gate (FAIL or P1). */
    public List<ScenarioResult> failing() {
        return results.stream().filter(r -> r.status().failsTheGate()).toList();
    }

    /** The checklist IDs (C…) of the scenarios that fail the gate (FAIL or P1). */
    public Set<String> failedIds() {
        Set<String> ids = idsWith(CheckStatus.FAIL);
        ids.addAll(idsWith(CheckStatus.P1));
        return ids;
    }

    /** The checklist IDs (C…) whose worst scenario is INCONCLUSIVE (a failure elsewhere in the ID outranks it, as in the verdict). */
    public Set<String> inconclusiveIds() {
        Set<String> ids = idsWith(CheckStatus.INCONCLUSIVE);
        ids.removeAll(failedIds());
        return ids;
    }

    /** The checklist IDs (C…) of the scenarios with this status. */
    public Set<String> idsWith(CheckStatus status) {
        return with(status).stream().flatMap(r -> r.checklistIds().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public String describe() {
        return results.stream().map(r -> r.status() + " " + r.checklistIds() + " " + r.name()
                + (r.message() == null ? "" : " — " + r.message())).collect(Collectors.joining("\n"));
    }
}
