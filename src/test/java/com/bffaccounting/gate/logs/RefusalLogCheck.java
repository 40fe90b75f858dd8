package com.bffaccounting.gate.logs;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * C11.3: every refused tenant has a log line with the pilot error code and that tenant. Logs arrive
 * late (pod log streaming, buffered stdout), so it polls until the timeout and then names the tenants
 * still missing.
 */
public final class RefusalLogCheck {
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
            List<String> missing = missing(tenants, lines.get());
            throw new AssertionError("no " + errorCode + " line in the " + logName + " for " + missing.size() + " of "
                    + tenants.size() + " refused tenants after " + timeout.toMillis() + " ms: " + missing.stream().limit(20).toList());
        }
    }

    List<String> missing(List<String> tenants, List<String> lines) {
        List<String> refusalLines = lines.stream().filter(l -> l.contains(errorCode)).toList();
        return tenants.stream()
                .filter(t -> {
                    Pattern word = Pattern.compile("(?<![\\w-])" + Pattern.quote(t) + "(?![\\w-])");
                    return refusalLines.stream().noneMatch(l -> word.matcher(l).find());
                })
                .toList();
    }
}
