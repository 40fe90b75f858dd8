package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.outcome.Inconclusive;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

/**
 * Runs the real features in this JVM, through the same Cucumber engine and glue as the gate, with
 * the given settings as system properties (restored afterwards). Used by the fault matrix and the
 * local-mode tests. Reports go to target/, never to reports/.
 */
public final class FeatureRun {
    public enum Status { PASSED, FAILED, NOT_RUN, INCONCLUSIVE }

    public record ScenarioResult(String name, Set<String> checklistIds, Status status, String message) {
    }

    private final List<ScenarioResult> results;

    private FeatureRun(List<ScenarioResult> results) {
        this.results = results;
    }

    public static FeatureRun run(String label, Map<String, String> settings) {
        return run(label, settings, "junit:target/feature-runs/" + label + ".xml");
    }

    /** Also with the real reporting plugins (Allure results to {@code allureResults}, verdict.json to report.dir). */
    public static FeatureRun runWithReports(String label, Map<String, String> settings, java.nio.file.Path allureResults) {
        Map<String, String> withAllure = new java.util.HashMap<>(settings);
        withAllure.put("allure.results.directory", allureResults.toString());
        return run(label, withAllure, "junit:target/feature-runs/" + label + ".xml, "
                + "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm, com.bffaccounting.gate.report.VerdictPlugin");
    }

    private static synchronized FeatureRun run(String label, Map<String, String> settings, String plugins) {
        Map<String, String> saved = new HashMap<>();
        settings.forEach((k, v) -> saved.put(k, System.getProperty(k)));
        settings.forEach(System::setProperty);
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectDirectory("features"))
                    .configurationParameter("cucumber.glue", "com.bffaccounting.gate.steps")
                    .configurationParameter("cucumber.plugin", plugins)
                    .configurationParameter("cucumber.publish.quiet", "true")
                    .build();
            List<ScenarioResult> results = Collections.synchronizedList(new ArrayList<>());
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, new TestExecutionListener() {
                @Override
                public void executionSkipped(TestIdentifier id, String reason) {
                    if (id.isTest()) {
                        results.add(new ScenarioResult(id.getDisplayName(), ids(id), Status.NOT_RUN, reason));
                    }
                }

                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    if (!id.isTest()) {
                        return;
                    }
                    Throwable error = result.getThrowable().orElse(null);
                    String message = error == null ? null : String.valueOf(error.getMessage());
                    Status status;
                    switch (result.getStatus()) {
                        case SUCCESSFUL:
                            status = Status.PASSED;
                            break;
                        case ABORTED:
                            status = error instanceof Inconclusive ? Status.INCONCLUSIVE : Status.NOT_RUN;
                            break;
                        default:
                            status = Status.FAILED;
                    }
                    results.add(new ScenarioResult(id.getDisplayName(), ids(id), status, message));
                }
            });
            return new FeatureRun(List.copyOf(results));
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    private static Set<String> ids(TestIdentifier id) {
        return id.getTags().stream().map(TestTag::getName)
                .map(t -> ChecklistCatalog.idOf("@" + t)).flatMap(java.util.Optional::stream)
                .filter(t -> t.startsWith("C"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public List<ScenarioResult> results() {
        return results;
    }

    public List<ScenarioResult> with(Status status) {
        return results.stream().filter(r -> r.status() == status).toList();
    }

    /** The checklist IDs (C…) of the failed scenarios. */
    public Set<String> failedIds() {
        return with(Status.FAILED).stream().flatMap(r -> r.checklistIds().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public String describe() {
        return results.stream().map(r -> r.status() + " " + r.checklistIds() + " " + r.name()
                + (r.message() == null ? "" : " — " + r.message())).collect(Collectors.joining("\n"));
    }
}
