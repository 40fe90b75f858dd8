package com.bffaccounting.gate.metrics;

import com.bffaccounting.gate.http.BffClient;
import com.bffaccounting.gate.http.HttpReply;
import com.bffaccounting.gate.outcome.CheckFailed;

import java.util.Map;

/**
 * Scrapes the BFF's metrics as Prometheus does: a plain GET with no tenant or user headers. A refusal
 * or any non-200 answer is an error — the cluster's Prometheus could not scrape it either.
 */
public final class MetricsScraper {
    private final BffClient client;
    private final String path;

    public MetricsScraper(BffClient client, String path) {
        this.client = client;
        this.path = path;
    }

    public Scrape scrape() {
        HttpReply reply = client.send("GET", path, Map.of("Accept", "text/plain;version=0.0.4"));
        if (reply.status() != 200) {
            throw new ScrapeRefused("GET " + path + " without tenant headers answered " + reply.status()
                    + " — Prometheus scrapes without them, so it could not scrape this BFF either: " + reply.bodyExcerpt());
        }
        return new Scrape(reply.body(), PrometheusTextParser.parse(reply.body()));
    }

    /** The metrics endpoint answered something other than 200 to a header-less scrape. */
    public static final class ScrapeRefused extends CheckFailed {
        public ScrapeRefused(String message) {
            super(message);
        }
    }

    /** The scrape's text (for evidence) and its parsed form. */
    public record Scrape(String text, MetricsSnapshot snapshot) {
    }
}
