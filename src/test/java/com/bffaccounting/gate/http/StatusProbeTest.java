package com.bffaccounting.gate.http;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A started BFF answers as the checks will see it: redirects followed, 308 included. */
class StatusProbeTest {
    @Test
    void aHealthPathThatMovedIsFollowedToItsAnswer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            exchange.getResponseHeaders().set("Location", "/healthz");
            exchange.sendResponseHeaders(308, -1);
            exchange.close();
        });
        server.createContext("/healthz", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            assertThat(new StatusProbe(base.resolve("/health"), Duration.ofSeconds(2)).status()).isEqualTo("200");
        } finally {
            server.stop(0);
        }
    }
}
