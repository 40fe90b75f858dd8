package com.bffaccounting.gate.http;

import com.bffaccounting.gate.outcome.Causes;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

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

    /** "200", "503", or "no answer (connection refused)". */
    public String status() {
        try {
            return Integer.toString(PlainHttp.get(url, Map.of(), timeout).status());
        } catch (IOException e) {
            return "no answer (" + Causes.describe(e) + ")";
        }
    }
}
