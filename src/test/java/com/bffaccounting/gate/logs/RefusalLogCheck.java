package com.bffaccounting.gate.logs;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
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
    private final Duration timeout;

    public RefusalLogCheck(String errorCode, Duration timeout) {
        this.errorCode = errorCode;
        this.timeout = timeout;
    }

    public void assertLogged(List<String> tenants, Supplier<List<String>> lines, String logName) {
        if (tenants.isEmpty()) {
            throw new IllegalStateException("no refused tenants to look for: the probe step did not run");
        }
        try {
            Awaitility.await("refusals of " + tenants.size() + " tenants in " + logName)
                    .atMost(timeout.plusMillis(1))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> missing(tenants, lines.get()).isEmpty());
        } catch (ConditionTimeoutException e) {
            // judged on one last read: a slow read must not turn a complete log into a failure
            List<String> missing = missing(tenants, lines.get());
            if (missing.isEmpty()) {
                return;
            }
            throw new AssertionError("no " + errorCode + " line in the " + logName + " for " + missing.size() + " of "
                    + tenants.size() + " refused tenants after " + timeout.toMillis() + " ms: " + missing.stream().limit(20).toList());
        }
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
