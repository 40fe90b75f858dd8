package com.bffaccounting.gate.http;

import com.bffaccounting.gate.evidence.Redactor;
import com.bffaccounting.gate.io.LoopbackHttpServers;
import com.bffaccounting.gate.outcome.Unreachable;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No answer is never a status: it is Unreachable, naming the URL — and, through a port-forward, the pod and the port. */
class BffClientTest {
    private static URI nothingListens() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void noAnswerNamesTheUrlAndTheCause() throws Exception {
        URI url = nothingListens();
        assertThatThrownBy(() -> new BffClient(url, Duration.ofSeconds(2), new Redactor(List.of())).send("GET", "/health", Map.of()))
                .isInstanceOf(Unreachable.class)
                .hasMessage("no answer from " + url + "/health (connection refused)");
    }

    @Test
    void throughAPortForwardItIsTriedOnceMoreAndNamesThePodAndPort() throws Exception {
        URI url = nothingListens();
        assertThatThrownBy(() -> new BffClient(url, Duration.ofSeconds(2), new Redactor(List.of()), "pod bff-accounting-7d9 port 8081")
                .send("GET", "/health", Map.of()))
                .isInstanceOf(Unreachable.class)
                .hasMessage("no answer from " + url + "/health through the port-forward to pod bff-accounting-7d9 port 8081, tried twice"
                        + " (connection refused)");
    }

    /** A BFF (or port-forward) that hangs costs a check its timeout twice at most (a port-forward's two tries), then no more. */
    @Test
    void aRequestThatTimesOutIsTriedOnceMoreAndLaterOnesEndAtOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        List<java.net.Socket> held = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            com.bffaccounting.gate.io.Daemons.start("hanging-bff", () -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept()); // accepted, never answered
                        connections.incrementAndGet();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            URI url = URI.create("http://127.0.0.1:" + server.getLocalPort());
            BffClient client = new BffClient(url, Duration.ofMillis(300), new Redactor(List.of()), "pod bff-accounting-7d9 port 8081");
            assertThatThrownBy(() -> client.send("GET", "/health", Map.of())).isInstanceOf(Unreachable.class)
                    .hasMessageContaining("through the port-forward to pod bff-accounting-7d9 port 8081, tried twice (");
            assertThatThrownBy(() -> client.send("GET", "/ready", Map.of())).isInstanceOf(Unreachable.class)
                    .hasMessageEndingWith("; not asked again in this check)");
            assertThat(connections.get()).as("connections the hanging server saw").isEqualTo(2);
        } finally {
            for (java.net.Socket socket : held) {
                socket.close();
            }
        }
    }

    /**
     * The client's connections are kept alive and shared: every answer gives its connection back as it returns,
     * one without a body (a 503 readiness, a 204) as much as one with, or the pool would run out.
     */
    @Test
    void everyAnswerGivesItsConnectionBack() throws Exception {
        HttpServer server = LoopbackHttpServers.create(0, 8);
        server.createContext("/ready", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (BffClient client = new BffClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(2),
                new Redactor(List.of()))) {
            for (String path : List.of("/ready", "/health", "/ready", "/health")) {
                assertThat(client.send("GET", path, Map.of()).status()).isIn(200, 503);
                assertThat(client.leasedConnections()).as("connections still taken after GET " + path).isZero();
            }
        } finally {
            server.stop(0);
        }
    }
}
