package com.bffaccounting.gate.report;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.config.SettingReader;
import com.bffaccounting.gate.config.SettingsCatalog;
import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Outcomes;
import io.qameta.allure.listener.StepLifecycleListener;
import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes every Allure result say what the verdict says. For each scenario it decides the
 * {@link CheckStatus} by the type of what the check threw ({@link Outcomes}, as the verdict does), then
 * sets Allure's status from it (INCONCLUSIVE is "broken", not a product failure), adds an
 * {@code outcome} label, and writes {@link CheckStatus#traceLine()} as the trace — the field the
 * categories match, so a category never depends on a message's wording. People see the message
 * without Java frames; {@code -Dreport.stackTraces=true} keeps the frames under that line.
 *
 * <p>It also gives each result its checklist section as the epic, so the behaviours tree reads like
 * the checklist. A lifecycle listener rather than a Cucumber hook: hooks run before allure-cucumber has
 * started the test case.
 */
public final class AllureOutcomeListener implements TestLifecycleListener, StepLifecycleListener {
    private static final ChecklistCatalog CATALOG = ChecklistCatalog.load();
    private static volatile Boolean stackTraces;
    private static final Pattern FEATURE_NUMBER = Pattern.compile("/(\\d+)-[^/]*\\.feature$");

    @Override
    public void beforeTestStop(TestResult result) {
        CheckStatus status = statusOf(result.getStatus(), result.getStatusDetails());
        if (status != CheckStatus.PASS) {
            result.setStatus(Status.fromValue(status.allureStatus()));
            StatusDetails details = Optional.ofNullable(result.getStatusDetails()).orElseGet(StatusDetails::new);
            details.setTrace(status.traceLine() + (stackTraces() && details.getTrace() != null ? "\n\n" + details.getTrace() : ""));
            result.setStatusDetails(details);
        }
        result.getLabels().add(new Label().setName("outcome").setValue(status.name()));
        if (status == CheckStatus.P1) {
            // A P1 finding is a blocker, whatever its scenario's usual severity.
            result.getLabels().removeIf(l -> "severity".equals(l.getName()));
            result.getLabels().add(new Label().setName("severity").setValue("blocker"));
            result.getLabels().add(new Label().setName("tag").setValue("P1"));
        }
        addEpic(result);
    }

    /** Steps carry their message only: the frames of a check's own exception help nobody reading the report. */
    @Override
    public void beforeStepStop(StepResult step) {
        if (step.getStatusDetails() != null && !stackTraces()) {
            step.getStatusDetails().setTrace(null);
        }
    }

    /**
     * The type at the head of the trace decides; Allure's own status is only the fallback for results
     * without a trace (an undefined step, a hook that failed before any step).
     */
    static CheckStatus statusOf(Status allureStatus, StatusDetails details) {
        if (allureStatus == Status.PASSED) {
            return CheckStatus.PASS;
        }
        Optional<Class<?>> type = Outcomes.typeInTrace(details == null ? null : details.getTrace());
        if (type.isPresent()) {
            return Outcomes.statusOf(type.get());
        }
        if (allureStatus == Status.FAILED) {
            return CheckStatus.FAIL;
        }
        return allureStatus == Status.SKIPPED ? CheckStatus.NOT_RUN : CheckStatus.INCONCLUSIVE;
    }

    /** Read once: every result of the run asks. */
    private static boolean stackTraces() {
        Boolean value = stackTraces;
        if (value == null) {
            value = SettingReader.ofProcess(SettingsCatalog.STACK_TRACES);
            stackTraces = value;
        }
        return value;
    }

    /**
     * The checklist section becomes the epic, and epic, feature and suite names get the section's number
     * in front, so Allure's trees (which sort by name) read in checklist order: Step 1 before Step 5.
     */
    private static void addEpic(TestResult result) {
        if (result.getLabels().stream().anyMatch(l -> "epic".equals(l.getName()))) {
            return;
        }
        Optional<ChecklistCatalog.Item> first = result.getLabels().stream()
                .filter(l -> "tag".equals(l.getName()))
                .map(l -> ChecklistCatalog.idOf(l.getValue().startsWith("@") ? l.getValue() : "@" + l.getValue()))
                .flatMap(Optional::stream)
                .filter(id -> id.startsWith("C"))
                .map(CATALOG::item).flatMap(Optional::stream)
                .findFirst();
        if (first.isEmpty()) {
            return;
        }
        ChecklistCatalog.Item item = first.get();
        result.getLabels().add(new Label().setName("epic").setValue(CATALOG.ordered(item, item.section())));
        if (result.getLabels().stream().noneMatch(l -> "suite".equals(l.getName()))) {
            result.getLabels().add(new Label().setName("suite").setValue(item.section()));
        }
        // features/06-rollout-check.feature: the file names carry the checklist's order of the features
        String number = result.getLabels().stream().filter(l -> "gherkin_uri".equals(l.getName())).map(Label::getValue)
                .map(uri -> FEATURE_NUMBER.matcher(uri)).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElse(String.format("%02d", CATALOG.sectionNumber(item.section())));
        for (Label label : result.getLabels()) {
            if ("feature".equals(label.getName()) || "suite".equals(label.getName())) {
                label.setValue(number + " · " + label.getValue());
            }
        }
    }
}
