package com.bffaccounting.gate.http;

import com.bffaccounting.gate.outcome.Causes;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Does it answer yet?" for a process the suite starts (a BFF, Prometheus): one GET, the status code as
 * text, or why there was none — something a wait can show as its last observation.
 */
public final class StatusProbe {
    private final URI url;
    private final Duration timeout;

    public StatusProbe(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
    }

    /**
     * "200", "503", or "no answer (connection refused)" — after following redirects as the checks' client
     * does (308 included, which HttpURLConnection leaves to its caller): a BFF whose {@code /health} moved to
     * {@code /healthz} answers the way the checks will see it.
     */
    public String status() {
        URI at = url;
        try {
            for (int hop = 0; ; hop++) {
                PlainHttp.Reply reply = PlainHttp.get(at, Map.of(), timeout);
                Optional<String> location = reply.header("Location");
                if (!REDIRECTS.contains(reply.status()) || location.isEmpty() || hop == MAX_REDIRECTS) {
                    return Integer.toString(reply.status());
                }
                at = at.resolve(location.get());
            }
        } catch (IOException | IllegalArgumentException e) {
            return "no answer (" + Causes.describe(e) + ")";
        }
    }

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;
}
