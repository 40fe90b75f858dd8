package com.bffaccounting.gate.run;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.report.AllureOutcomeListener;
import com.bffaccounting.gate.report.ScenarioOutcome;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A judgement made when the run ended ({@link RunEndChecks}), as a result of its own: in the verdict
 * under the checklist line it counts for, and in Allure beside the scenario that asked for it.
 */
public final class RunEndResult {
    private RunEndResult() {
    }

    public static ScenarioOutcome record(RunEndChecks.Judgement judgement) {
        CheckStatus status = judgement.problem().isPresent() ? CheckStatus.FAIL : CheckStatus.PASS;
        String message = judgement.problem().map(p -> "at the end of the run: " + p).orElse(null);
        writeToAllure(judgement, status, message);
        return new ScenarioOutcome(judgement.name() + " (judged at the end of the run)", "run end", 0, judgement.tags(), status, message,
                List.of(judgement.observed()));
    }

    private static void writeToAllure(RunEndChecks.Judgement judgement, CheckStatus status, String message) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        String uuid = UUID.randomUUID().toString();
        List<Label> labels = new ArrayList<>();
        for (String tag : judgement.tags()) {
            labels.add(new Label().setName("tag").setValue(tag.replace("@", "")));
            ChecklistCatalog.idOf(tag).ifPresent(id -> labels.add(new Label().setName("story").setValue(id)));
        }
        labels.add(new Label().setName("feature").setValue("judged at the end of the run"));
        TestResult result = new TestResult().setUuid(uuid).setName(judgement.name() + " (judged at the end of the run)")
                .setFullName("run-end:" + judgement.name()).setHistoryId("run-end:" + judgement.name())
                .setLabels(labels).setStatus(status == CheckStatus.PASS ? Status.PASSED : Status.FAILED);
        if (message != null) {
            result.setStatusDetails(new StatusDetails().setMessage(message));
        }
        lifecycle.scheduleTestCase(result);
        AllureOutcomeListener.decided(uuid, status);
        lifecycle.startTestCase(uuid);
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);
    }
}
