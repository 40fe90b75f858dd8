package com.bffaccounting.gate.http;

import com.bffaccounting.gate.outcome.Causes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * "Does it answer yet?" for a process the suite starts (a BFF, Prometheus): one GET, the status code as
 * text, or why there was none — something a wait can show as its last observation.
 */
public final class StatusProbe {
    private final HttpClient http;
    private final URI url;
    private final Duration timeout;

    public StatusProbe(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** "200", "503", or "no answer (connection refused)". */
    public String status() {
        try {
            return Integer.toString(http.send(HttpRequest.newBuilder(url).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return "no answer (" + Causes.describe(e) + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no answer (interrupted)";
        }
    }
}
