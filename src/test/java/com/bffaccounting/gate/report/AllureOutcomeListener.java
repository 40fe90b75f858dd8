package com.bffaccounting.gate.report;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.config.SettingReader;
import com.bffaccounting.gate.config.SettingsCatalog;
import com.bffaccounting.gate.outcome.CheckStatus;
import io.qameta.allure.listener.StepLifecycleListener;
import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes every Allure result say what the verdict says. The verdict's plugin hands over each scenario's
 * {@link CheckStatus} as it decided it ({@link #decided}, before Allure closes the result); this listener
 * then sets Allure's status from it (INCONCLUSIVE is "broken", not a product failure), adds an
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

    /** Allure result (its uuid) → the status the verdict gave it, until Allure closes the result. */
    private static final Map<String, CheckStatus> DECIDED = new ConcurrentHashMap<>();

    /**
     * The status the verdict gave the Allure result {@code uuid} (a Cucumber test case's id is its Allure
     * uuid). Called before Allure stops the result: the verdict's plugin is registered before Allure's.
     */
    public static void decided(String uuid, CheckStatus status) {
        DECIDED.put(uuid, status);
    }

    /** At the end of a run: what no Allure result took (a run without the Allure plugin) is let go. */
    public static void forgetUntaken() {
        DECIDED.clear();
    }

    @Override
    public void beforeTestStop(TestResult result) {
        CheckStatus status = Optional.ofNullable(DECIDED.remove(result.getUuid())).orElseGet(() -> statusOf(result.getStatus()));
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
            result.getLabels().add(new Label().setName("tag").setValue(CheckStatus.P1.name()));
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

    /** Only for a result the verdict did not decide (none in a run with both plugins): Allure's own status, in the verdict's words. */
    static CheckStatus statusOf(Status allureStatus) {
        if (allureStatus == Status.PASSED) {
            return CheckStatus.PASS;
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
