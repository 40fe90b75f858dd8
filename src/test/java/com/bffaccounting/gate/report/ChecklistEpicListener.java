package com.bffaccounting.gate.report;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;

import java.util.Optional;

/**
 * Marks P1 findings (tag and severity), and gives every Allure result its checklist section as the epic, taken from the scenario's checklist
 * tags, so the behaviours tree reads like the checklist (section → feature → scenario). A lifecycle
 * listener rather than a Cucumber hook: hooks run before allure-cucumber has started the test case.
 */
public final class ChecklistEpicListener implements TestLifecycleListener {
    private static final ChecklistCatalog CATALOG = ChecklistCatalog.load();

    @Override
    public void beforeTestStop(TestResult result) {
        markP1(result);
        if (result.getLabels().stream().anyMatch(l -> "epic".equals(l.getName()))) {
            return;
        }
        result.getLabels().stream()
                .filter(l -> "tag".equals(l.getName()))
                .map(l -> ChecklistCatalog.idOf(l.getValue().startsWith("@") ? l.getValue() : "@" + l.getValue()))
                .flatMap(Optional::stream)
                .filter(id -> id.startsWith("C"))
                .map(CATALOG::item).flatMap(Optional::stream)
                .findFirst()
                .ifPresent(item -> result.getLabels().add(new Label().setName("epic").setValue(item.section())));
    }

    /** A P1 finding carries a "P1" tag and blocker severity, whatever its scenario's usual severity. */
    private static void markP1(TestResult result) {
        String message = result.getStatusDetails() == null ? null : result.getStatusDetails().getMessage();
        if (message == null || !message.startsWith("P1: ")) {
            return;
        }
        result.getLabels().removeIf(l -> "severity".equals(l.getName()));
        result.getLabels().add(new Label().setName("severity").setValue("blocker"));
        result.getLabels().add(new Label().setName("tag").setValue("P1"));
    }
}
