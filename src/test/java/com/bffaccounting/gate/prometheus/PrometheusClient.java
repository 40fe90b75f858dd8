package com.bffaccounting.gate.prometheus;

import com.bffaccounting.gate.http.PlainHttp;
import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.waits.Timeout;
import com.bffaccounting.gate.waits.Wait;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Prometheus HTTP API ({@code /api/v1/query}, {@code /api/v1/alerts}, {@code /api/v1/rules}). An API
 * error, an unreachable server or a malformed answer is an exception with the query in its message —
 * the caller decides between FAIL and INCONCLUSIVE, never a pass.
 */
public final class PrometheusClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final Duration timeout;

    public PrometheusClient(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
    }

    public URI url() {
        return url;
    }

    /** One element of an instant vector: its labels and value. */
    public record VectorSample(Map<String, String> labels, double value) {
    }

    /** The answer to an instant query, with what was asked and when, for evidence. */
    public record QueryResult(String query, Instant evaluatedAt, List<VectorSample> samples, String raw) {
    }

    public record Alert(String name, String state, Map<String, String> labels, Instant activeAt) {
    }

    public QueryResult query(String promql) {
        JsonNode data = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8), promql);
        if (!"vector".equals(data.path("resultType").asText())) {
            throw new PrometheusException("query " + promql + " returned a " + data.path("resultType").asText() + ", not a vector");
        }
        List<VectorSample> samples = new ArrayList<>();
        Instant at = Instant.now();
        for (JsonNode r : data.path("result")) {
            Map<String, String> labels = new LinkedHashMap<>();
            r.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            JsonNode value = r.path("value");
            at = Instant.ofEpochMilli((long) (value.path(0).asDouble() * 1000));
            samples.add(new VectorSample(labels, parseValue(value.path(1).asText())));
        }
        return new QueryResult(promql, at, samples, data.toString());
    }

    public List<Alert> alerts() {
        JsonNode data = get("/api/v1/alerts", "alerts");
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode a : data.path("alerts")) {
            Map<String, String> labels = new LinkedHashMap<>();
            a.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            alerts.add(new Alert(labels.getOrDefault("alertname", ""), a.path("state").asText(), labels,
                    Instant.parse(a.path("activeAt").asText())));
        }
        return alerts;
    }

    /** When the rule groups were last evaluated (the oldest of them); null before the first evaluation. */
    public Instant rulesLastEvaluated() {
        JsonNode data = get("/api/v1/rules", "rules");
        Instant oldest = null;
        for (JsonNode group : data.path("groups")) {
            String text = group.path("lastEvaluation").asText("");
            if (text.isEmpty() || text.startsWith("0001")) {
                return null;
            }
            Instant at = Instant.parse(text);
            oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
        }
        return oldest;
    }

    /**
     * Waits until a scrape that began at or after {@code notBefore} is stored and the rules have been
     * evaluated after it, so that "no alert" and "no series" mean something about the target as it is now
     * (not about a port nothing listened on yet).
     */
    public void awaitFirstEvaluation(Instant notBefore, Timeout timeout) {
        Instant since = notBefore.truncatedTo(ChronoUnit.MILLIS);
        // the first such scrape is kept: later scrapes keep coming, and the rules need only follow the first. What
        // counts is when its samples were seen stored, not when the scrape began: an evaluation between the two
        // (a scrape takes a moment) did not see them, and its "no alert" would say nothing (Prometheus runs here,
        // on this machine's clock)
        AtomicReference<Instant> firstScrapeStored = new AtomicReference<>();
        Wait.until("Prometheus at " + url + " to scrape its target and evaluate its rules", () -> {
                    if (firstScrapeStored.get() == null) {
                        Instant scraped = lastScrape();
                        if (scraped != null && !scraped.isBefore(since)) {
                            firstScrapeStored.set(Instant.now());
                        }
                    }
                    return new Progress(firstScrapeStored.get(), rulesLastEvaluated());
                })
                .within(timeout)
                .tolerating(PrometheusException.class)
                .describedBy(Progress::describe)
                .poll(progress -> progress.scraped() != null && progress.evaluated() != null
                        && progress.evaluated().isAfter(progress.scraped()))
                .orThrow();
    }

    /** When the first scrape since the target listened began, and when the rules were last evaluated (null: not yet). */
    private record Progress(Instant scraped, Instant evaluated) {
        String describe() {
            return (scraped == null ? "no scrape since the target listened" : "first scrape since the target listened stored by " + scraped)
                    + ", rules " + (evaluated == null ? "not evaluated yet" : "last evaluated at " + evaluated);
        }
    }

    /** When the latest scrape began (the value of {@code timestamp(up)}), or null before the first. */
    private Instant lastScrape() {
        return query("timestamp(up)").samples().stream().map(s -> Instant.ofEpochMilli((long) (s.value() * 1000)))
                .max(Instant::compareTo).orElse(null);
    }

    /**
     * Throws when Prometheus has no target up: every answer about the BFF's series would then be about
     * missing data, and "no alert" or "no series" would mean nothing.
     */
    public void requireScrapedTarget() {
        QueryResult up = query("up");
        if (up.samples().isEmpty()) {
            throw new PrometheusException("Prometheus at " + url + " scrapes no target (query up is empty)");
        }
        if (up.samples().stream().noneMatch(s -> s.value() == 1.0)) {
            // the BFF answered Prometheus's scrape with a refusal (4xx): a product fact, C11.4's and C12's alike
            Optional<String> refusal = scrapeRefusal();
            if (refusal.isPresent()) {
                throw new ScrapeRefusedByTarget("the sync metrics cannot be scraped: Prometheus's scrape of the BFF was refused ("
                        + refusal.get() + "), as a scrape without tenant headers is");
            }
            throw new PrometheusException("Prometheus at " + url + " cannot scrape the BFF (up == 0 for "
                    + up.samples().stream().map(s -> s.labels().getOrDefault("instance", "?")).toList()
                    + "): no sync series can be judged — see the metrics check");
        }
    }

    /** "server returned HTTP status 403 Forbidden", when a target's last scrape got a 4xx answer. */
    private Optional<String> scrapeRefusal() {
        for (JsonNode target : get("/api/v1/targets?state=active", "targets").path("activeTargets")) {
            String error = target.path("lastError").asText("");
            if (error.matches("server returned HTTP status 4\\d\\d.*")) {
                return Optional.of(error);
            }
        }
        return Optional.empty();
    }

    /** The BFF refuses Prometheus's scrape: the release is at fault, as C11.4 finds too. */
    public static final class ScrapeRefusedByTarget extends com.bffaccounting.gate.outcome.CheckFailed {
        public ScrapeRefusedByTarget(String message) {
            super(message);
        }
    }

    static double parseValue(String text) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(text);
        }
    }

    private JsonNode get(String pathAndQuery, String what) {
        try {
            PlainHttp.Reply response = PlainHttp.get(URI.create(url + pathAndQuery), Map.of(), timeout);
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                throw new PrometheusException("Prometheus at " + url + " answered " + response.status() + " with no JSON to " + what);
            }
            if (!"success".equals(body.path("status").asText())) {
                throw new PrometheusException("Prometheus at " + url + " rejected " + what + ": "
                        + body.path("errorType").asText() + " " + body.path("error").asText());
            }
            return body.path("data");
        } catch (IOException e) {
            throw new PrometheusException("no answer from Prometheus at " + url + " (" + Causes.describe(e) + ") to " + what);
        }
    }

    /** Prometheus could not answer the question: infrastructure, so INCONCLUSIVE wherever it escapes. */
    public static final class PrometheusException extends Inconclusive {
        public PrometheusException(String message) {
            super(message);
        }
    }
}
