package com.bffaccounting.gate.gating;

import com.bffaccounting.gate.http.HttpReply;
import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Findings;

import java.util.List;
import java.util.Optional;

/**
 * What the pilot gate must do with a tenant, and what each answer then means (CONTRACT.md, "Pilot
 * tenant gating"). The expectation belongs to the Then step, never to the request: the same answers
 * judged against the other expectation must fail.
 *
 * <p>FAIL is for what the release did wrong; an answer that came from before the gate (authentication,
 * a role or policy refusal of the probe itself) or no answer at all cannot tell what the gate does, and
 * is INCONCLUSIVE with what to change.
 */
public enum GateExpectation {
    /** An allowlisted tenant: 200. */
    LET_THROUGH("tenants that must be let through the pilot gate"),
    /** Any other tenant: 403 with the pilot error code and its own tenant echoed. */
    REFUSED("tenants that must be refused by the pilot gate");

    private final String population;

    GateExpectation(String population) {
        this.population = population;
    }

    /** What this expectation makes of one answer. */
    public record Judgement(CheckStatus status, String detail) {
        static Judgement pass() {
            return new Judgement(CheckStatus.PASS, null);
        }

        static Judgement fail(String detail) {
            return new Judgement(CheckStatus.FAIL, detail);
        }

        static Judgement inconclusive(String detail) {
            return new Judgement(CheckStatus.INCONCLUSIVE, detail);
        }
    }

    /** Every answer judged; {@link Findings#conclude()} then throws the outcome they add up to. */
    public Findings judgeAll(List<TenantProbeResult> results, String deniedErrorCode) {
        Findings findings = new Findings(population);
        for (TenantProbeResult result : results) {
            Judgement j = judge(result, deniedErrorCode);
            findings.add("'" + result.tenant() + "'", j.status(), j.detail());
        }
        return findings;
    }

    public Judgement judge(TenantProbeResult result, String deniedErrorCode) {
        if (result.reply().isEmpty()) {
            return Judgement.inconclusive(result.noAnswer().orElse("no answer"));
        }
        HttpReply reply = result.reply().get();
        int status = reply.status();
        if (status >= 500) {
            return Judgement.fail("server error " + status + ": " + reply.bodyExcerpt());
        }
        return this == LET_THROUGH ? judgeAllowlisted(reply, deniedErrorCode) : judgeOther(result.tenant(), reply, deniedErrorCode);
    }

    private static Judgement judgeAllowlisted(HttpReply reply, String deniedErrorCode) {
        int status = reply.status();
        if (status >= 200 && status < 300) {
            return Judgement.pass();
        }
        Optional<String> code = reply.jsonText("error_code");
        if (status == 403 && code.filter(deniedErrorCode::equals).isPresent()) {
            return Judgement.fail("refused by the pilot gate with " + deniedErrorCode + ", although it must be let through");
        }
        if (status == 401 || status == 403) {
            return Judgement.inconclusive("answered " + status + code.map(c -> " " + c).orElse("")
                    + " (an authentication, role or policy refusal, not the pilot gate): the probe was not authorised, so whether"
                    + " the gate lets this tenant through is unknown — set gating.probeHeaders to what the BFF accepts"
                    + " (the upstream BFF's audit route wants X-User-Role=auditor or admin, and a non-empty X-Api-Key)");
        }
        return Judgement.fail("answered " + status + ", neither let through nor refused by the pilot gate: " + reply.bodyExcerpt());
    }

    private static Judgement judgeOther(String tenant, HttpReply reply, String deniedErrorCode) {
        int status = reply.status();
        if (status >= 200 && status < 300) {
            return Judgement.fail("let through the pilot gate with " + status + ", although it must be refused");
        }
        if (status == 401) {
            return Judgement.inconclusive("answered 401: authentication answered before the pilot gate, so whether the gate"
                    + " refuses this tenant is unknown — give gating.probeHeaders the credentials the BFF needs");
        }
        if (status != 403) {
            return Judgement.fail("answered " + status + " instead of 403 " + deniedErrorCode + ": " + reply.bodyExcerpt());
        }
        Optional<String> code = reply.jsonText("error_code");
        if (code.filter(deniedErrorCode::equals).isEmpty()) {
            return Judgement.fail("refused for another reason (" + code.orElse(reply.json().isEmpty() ? "no JSON body" : "no error_code")
                    + ", not " + deniedErrorCode + "): the pilot gate did not refuse it");
        }
        Optional<String> echoed = reply.jsonText("tenant");
        if (echoed.filter(tenant::equals).isEmpty()) {
            return Judgement.fail("refused with " + deniedErrorCode + " but the body's tenant is "
                    + echoed.map(t -> "'" + t + "'").orElse("missing") + " instead of '" + tenant + "'");
        }
        return Judgement.pass();
    }
}
