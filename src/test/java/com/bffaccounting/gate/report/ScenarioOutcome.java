package com.bffaccounting.gate.report;

import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Observation;
import com.bffaccounting.gate.outcome.Outcomes;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;

import java.util.List;

/** One scenario's result in checklist terms, with what it saw. */
public record ScenarioOutcome(String name, String uri, int line, List<String> tags, CheckStatus status, String message,
                              List<Observation> observed) {
    public ScenarioOutcome {
        observed = observed == null ? List.of() : List.copyOf(observed);
    }

    /**
     * Cucumber's result → verdict status, decided by {@link Outcomes} from the error's type. A scenario
     * Cucumber could not run as written (an undefined, pending or ambiguous step) is a defect of the
     * suite: INCONCLUSIVE, never a pass and never the release's failure.
     */
    public static CheckStatus statusOf(Result result) {
        Status status = result.getStatus();
        switch (status) {
            case PASSED:
                return CheckStatus.PASS;
            case SKIPPED:
                return result.getError() == null ? CheckStatus.NOT_RUN : Outcomes.statusOf(result.getError());
            case FAILED:
                return Outcomes.statusOf(result.getError());
            default: // UNDEFINED, PENDING, AMBIGUOUS, UNUSED
                return CheckStatus.INCONCLUSIVE;
        }
    }

    /** The first line of the reason, for the verdict (the full message is in the Allure result). */
    public static String messageOf(Result result) {
        Throwable error = result.getError();
        if (error != null) {
            String reason = Outcomes.reasonOf(error);
            return reason.lines().findFirst().orElse("") + (reason.lines().count() > 1 ? " …" : "");
        }
        switch (result.getStatus()) {
            case PASSED:
                return null;
            case UNDEFINED:
                return "suite defect: a step has no definition";
            case PENDING:
                return "suite defect: a step is pending";
            case AMBIGUOUS:
                return "suite defect: a step matches several definitions";
            case SKIPPED:
                return "skipped without a reason (a hook or an earlier step did not run)";
            default:
                return result.getStatus().name();
        }
    }
}
