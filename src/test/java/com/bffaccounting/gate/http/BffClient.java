package com.bffaccounting.gate.http;

import com.bffaccounting.gate.evidence.Redactor;
import com.bffaccounting.gate.io.LoopbackHttpServers;
import com.bffaccounting.gate.io.JulLoggers;
import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.outcome.Unreachable;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.Filter;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.http.entity.BufferedHttpEntity;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.conn.PoolingClientConnectionManager;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * HTTP access to the BFF under test (REST Assured, one request specification per target, no global
 * state). Every exchange is recorded — with secret header values masked — so a failing check can
 * attach what was actually sent and answered.
 */
public final class BffClient implements AutoCloseable {
    /** Evidence is bounded: a 1,000-tenant probe must not make a 1,000-attachment report. */
    private static final int MAX_RECORDED = 200;
    /** More than a probe's concurrency ever asks for: a request never waits for a connection of its own client. */
    private static final int MAX_CONNECTIONS = 64;
    /**
     * REST Assured's Apache client logs each retried request at INFO through java.util.logging, with the
     * exception class: the outcome (Unreachable, naming the URL) says it once, in words. Held in a field
     * because java.util.logging keeps loggers weakly.
     */
    private static final Logger APACHE_RETRIES = JulLoggers.warningsOnly("org.apache.http");

    private final URI baseUrl;
    private final String portForward;
    private final Supplier<Optional<String>> transportRefusal;
    /** The first request that timed out, once one has: every later one ends at once with it. */
    private volatile Unreachable hung;
    private final RequestSpecification spec;
    private final PoolingClientConnectionManager connections;
    private final Redactor redactor;
    private final List<HttpExchangeRecord> exchanges = Collections.synchronizedList(new ArrayList<>());

    public BffClient(URI baseUrl, Duration timeout, Redactor redactor) {
        this(baseUrl, timeout, redactor, null);
    }

    /**
     * @param portForward what the base URL forwards to ("pod bff-accounting-7d9…:8081"), when it is a
     *                    port-forward: a request whose connection breaks is sent once more (the forward opens a
     *                    new stream per connection), and a second failure names the pod and the port
     */
    public BffClient(URI baseUrl, Duration timeout, Redactor redactor, String portForward) {
        this(baseUrl, timeout, redactor, portForward, Optional::empty);
    }

    /**
     * @param transportRefusal why the port-forward could not carry a request when the API server refused its
     *                         stream (a 403 on pods/portforward): a failed request is then {@link TransportRefused},
     *                         INCONCLUSIVE, since the BFF was never asked
     */
    public BffClient(URI baseUrl, Duration timeout, Redactor redactor, String portForward, Supplier<Optional<String>> transportRefusal) {
        this.transportRefusal = transportRefusal;
        this.portForward = portForward;
        this.baseUrl = baseUrl;
        this.redactor = redactor;
        int millis = (int) timeout.toMillis();
        // One client for every request, its connections kept alive in a pool the threads of a probe share. REST
        // Assured's default — a new client, and so a new connection, per request — cost through a port-forward
        // a new stream of the API server per request: 1,000 streams for a 1,000-tenant probe, 2.5 times its time.
        this.connections = new PoolingClientConnectionManager();
        connections.setDefaultMaxPerRoute(MAX_CONNECTIONS);
        connections.setMaxTotal(MAX_CONNECTIONS);
        this.spec = new RequestSpecBuilder()
                .setBaseUri(baseUrl.toString())
                .setConfig(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .reuseHttpClientInstance()
                        .httpClientFactory(this::pooledClient)
                        .setParam("http.connection.timeout", millis)
                        .setParam("http.socket.timeout", millis)))
                .setUrlEncodingEnabled(false)
                .addFilter(recorder())
                .build();
    }

    /**
     * Every answer is read whole as it arrives, so that its connection goes back to the pool at once: REST
     * Assured never reads the empty body of an answer such as a 503 without content, and such a connection
     * would otherwise stay taken until the pool ran out.
     */
    private DefaultHttpClient pooledClient() {
        DefaultHttpClient client = new DefaultHttpClient(connections);
        client.addResponseInterceptor((response, context) -> {
            if (response.getEntity() != null) {
                response.setEntity(new BufferedHttpEntity(response.getEntity()));
            }
        });
        return client;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Connections taken and not yet given back: none once a request has returned (BffClientTest). */
    int leasedConnections() {
        return connections.getTotalStats().getLeased();
    }

    /** Closes the kept-alive connections (through a port-forward, each holds a stream of the API server). */
    @Override
    public void close() {
        connections.shutdown();
    }

    /**
     * Sends {@code method path} with exactly {@code headers}. A connection failure or timeout is
     * {@link Unreachable} (INCONCLUSIVE) naming the URL — it is never turned into a status.
     */
    public HttpReply send(String method, String path, Map<String, String> headers) {
        Unreachable hung = this.hung;
        if (hung != null) {
            // a BFF (or a port-forward) that let one request time out costs this check that timeout once, not per request
            throw new Unreachable(hung.target(), hung.why() + "; not asked again in this check");
        }
        int attempts = portForward == null ? 1 : 2;
        for (int attempt = 1; ; attempt++) {
            try {
                Response response = RestAssured.given(spec).headers(headers).request(method, path);
                return new HttpReply(response.statusCode(), response.asString(), response.contentType(), Duration.ofMillis(response.getTime()));
            } catch (Exception e) { // REST Assured rethrows ConnectException and timeouts undeclared
                boolean timedOut = Causes.timedOut(e);
                // a port-forward's first stream can be slow to open on a loaded machine: it is given one more try
                if (attempt >= attempts) {
                    Optional<String> refused = transportRefusal.get();
                    if (refused.isPresent()) {
                        throw new TransportRefused(refused.get());
                    }
                    Unreachable none = new Unreachable(("GET".equals(method) ? "" : method + " ") + baseUrl + path
                            + (portForward == null ? "" : " through the port-forward to " + portForward
                            + (attempt > 1 ? ", tried twice" : "")), Causes.describe(e));
                    if (timedOut) {
                        this.hung = none;
                    }
                    throw none;
                }
            }
        }
    }

    /** The way to the BFF was refused (the API server would not open the port-forward): infrastructure, never the BFF's answer. */
    public static final class TransportRefused extends Inconclusive {
        public TransportRefused(String reason) {
            super(reason);
        }
    }

    /**
     * Sends one request through this client's whole stack (REST Assured, its Groovy runtime, the Apache
     * client, the recording filter) to a throwaway server on a loopback port of this JVM — never to the BFF.
     * The first request of a JVM costs a second or two of class loading and compiling; a run does this in
     * the background while it connects, so that its first check does not pay for it.
     */
    public static void warmUp() {
        HttpServer server;
        try {
            server = LoopbackHttpServers.create(0, 1);
        } catch (IOException e) {
            return; // no loopback port: the first check pays the cost instead
        }
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try (BffClient client = new BffClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(5),
                new Redactor(List.of()))) {
            client.send("GET", "/warm-up", Map.of("X-Warm-Up", "1"));
        } catch (RuntimeException e) {
            // only time was to be saved
        } finally {
            server.stop(0);
        }
    }

    public HttpReply get(String path) {
        return send("GET", path, Map.of());
    }

    public List<HttpExchangeRecord> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    private Filter recorder() {
        return (requestSpec, responseSpec, ctx) -> {
            long start = System.nanoTime();
            Response response = ctx.next(requestSpec, responseSpec);
            if (exchanges.size() < MAX_RECORDED) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (Header h : requestSpec.getHeaders()) {
                    headers.put(h.getName(), redactor.headerValue(h.getName(), h.getValue()));
                }
                exchanges.add(new HttpExchangeRecord(requestSpec.getMethod(), redactor.redact(requestSpec.getURI()),
                        headers, response.statusCode(), redactor.redact(response.asString()),
                        (System.nanoTime() - start) / 1_000_000));
            }
            return response;
        };
    }
}
