package com.bffaccounting.gate.logs;

import com.bffaccounting.gate.outcome.Observation;

import com.bffaccounting.gate.gating.TenantProbeResult;
import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.Findings;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.waits.Timeout;
import com.bffaccounting.gate.waits.Wait;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * C11.3: every refused tenant has a log line with the pilot error code and that tenant. Logs arrive
 * late (pod log streaming, buffered stdout), so it polls until the timeout and then names the tenants
 * still missing.
 */
public final class RefusalLogCheck {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}_.\\-]+");
    private final String errorCode;
    private final Timeout timeout;

    public RefusalLogCheck(String errorCode, Timeout timeout) {
        this.errorCode = errorCode;
        this.timeout = timeout;
    }

    /**
     * Looks for the refusals that happened in {@code probe}: tenants the pilot gate refused (403 with the
     * pilot error code). Whether they should have been refused is C11.2's question; with no refusal at
     * all there is nothing to find, which is INCONCLUSIVE, not a pass.
     */
    /** @return what was seen when every refusal was found: how many refusal lines, against how many refusals */
    public Observation assertRefusalsLogged(List<TenantProbeResult> probe, Supplier<List<String>> lines, String logName) {
        List<String> refused = probe.stream().filter(r -> r.refusedByGate(errorCode)).map(TenantProbeResult::tenant).toList();
        if (refused.isEmpty()) {
            probe.stream().flatMap(r -> r.noAnswer().stream()).findFirst().ifPresent(noAnswer -> {
                throw new Inconclusive("the BFF gave the probe no answer, so there is no refusal to find in the log: " + noAnswer);
            });
            throw new Inconclusive("none of the " + probe.size() + " non-pilot tenants was refused with " + errorCode
                    + ", so there is no refusal to find in the log (see the pilot gating check)");
        }
        return assertLogged(refused, lines, logName);
    }

    public Observation assertLogged(List<String> tenants, Supplier<List<String>> lines, String logName) {
        if (tenants.isEmpty()) {
            throw new IllegalStateException("no refused tenants to look for: the probe step did not run");
        }
        Wait.Outcome<List<String>> seen = Wait.until("refusals of " + tenants.size() + " tenants in " + logName, lines)
                .within(timeout).poll(read -> missing(tenants, read).isEmpty());
        if (seen.met()) {
            return found(tenants, logName);
        }
        // judged on one last read: a slow read must not turn a complete log into a failure
        List<String> last = lines.get();
        List<String> missing = missing(tenants, last);
        if (missing.isEmpty()) {
            return found(tenants, logName);
        }
        String details = String.join(", ", missing.stream().limit(20).toList())
                + (missing.size() > 20 ? " … and " + (missing.size() - 20) + " more" : "")
                + (last.isEmpty() ? " (the BFF wrote nothing to its log in " : " (none after ") + timeout.value().toMillis() + " ms, "
                + timeout.setting() + ")";
        throw new CheckFailed("no " + errorCode + " line in the " + logName + " for "
                + Findings.format(missing.size(), tenants.size(), "refused tenants", details));
    }

    private Observation found(List<String> tenants, String logName) {
        return Observation.measure("refused tenants logged", tenants.size(), null).against(tenants.size())
                .says(tenants.size() + "/" + tenants.size() + " refused tenants have a " + errorCode + " line in the " + logName);
    }

    /**
     * Tenants with no refusal line. A tenant counts as named when it stands in the line as a whole word
     * (letters, digits, '_', '-' and '.' are word characters): {@code pilot-b} is not found in {@code pilot-bb}.
     * One pass over the lines, then a set lookup per tenant, so 1,000 tenants stay cheap.
     */
    List<String> missing(List<String> tenants, List<String> lines) {
        Set<String> named = new HashSet<>();
        for (String line : lines) {
            if (line.contains(errorCode)) {
                named.addAll(Arrays.asList(NON_WORD.split(line)));
            }
        }
        return tenants.stream().filter(t -> !named.contains(t)).toList();
    }
}
