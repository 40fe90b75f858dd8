package com.bffaccounting.gate.report;

import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.outcome.P1Finding;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;

import java.util.List;

/** One scenario's result in checklist terms. */
public record ScenarioOutcome(String name, String uri, int line, List<String> tags, CheckStatus status, String message) {

    /** Cucumber's result → verdict status: a skipped scenario is NOT_RUN or INCONCLUSIVE, never PASS. */
    public static CheckStatus statusOf(Result result) {
        Status status = result.getStatus();
        Throwable error = result.getError();
        switch (status) {
            case PASSED:
                return CheckStatus.PASS;
            case SKIPPED:
                return error instanceof Inconclusive ? CheckStatus.INCONCLUSIVE : CheckStatus.NOT_RUN;
            case FAILED:
                return error instanceof P1Finding ? CheckStatus.P1 : CheckStatus.FAIL;
            default: // UNDEFINED, PENDING, AMBIGUOUS, UNUSED: the suite itself is broken, which must not pass
                return CheckStatus.FAIL;
        }
    }

    public static String messageOf(Result result) {
        Throwable error = result.getError();
        if (error != null && error.getMessage() != null) {
            return error.getMessage().lines().findFirst().orElse("") + (error.getMessage().lines().count() > 1 ? " …" : "");
        }
        switch (result.getStatus()) {
            case PASSED:
                return null;
            case UNDEFINED:
                return "a step has no definition (the suite is incomplete)";
            case PENDING:
                return "a step is pending (the suite is incomplete)";
            case AMBIGUOUS:
                return "a step matches several definitions";
            case SKIPPED:
                return "skipped without a reason (a hook or an earlier step did not run)";
            default:
                return error == null ? result.getStatus().name() : error.getClass().getName();
        }
    }
}
