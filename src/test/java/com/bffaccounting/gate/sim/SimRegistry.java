package com.bffaccounting.gate.sim;

import com.bffaccounting.gate.io.LoopbackHttpServers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated image registry: the subset of the OCI distribution API the suite uses, with GHCR's
 * token dance — {@code /v2/} challenges, {@code /token} hands out an anonymous pull token, and
 * {@code HEAD|GET /v2/<repository>/manifests/<tag>} answers for the images it holds.
 */
public final class SimRegistry implements AutoCloseable {
    private final Set<String> images = ConcurrentHashMap.newKeySet();
    private final String token = "sim-pull-" + UUID.randomUUID();
    private HttpServer server;
    private volatile boolean denyPulls;

    /** The token service refuses pull tokens, as GHCR does for a private package without access. */
    public SimRegistry denyPulls() {
        denyPulls = true;
        return this;
    }

    public SimRegistry hold(String repository, String tag) {
        images.add(repository + ":" + tag);
        return this;
    }

    public boolean holds(String repository, String tag) {
        return images.contains(repository + ":" + tag);
    }

    /** The manifest digest this registry answers for a tag it holds (what Docker-Content-Digest says). */
    public String digestOf(String repository, String tag) {
        return digestOf(repository + ":" + tag);
    }

    public SimRegistry start() {
        try {
            server = LoopbackHttpServers.create(0, 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/token")) {
                if (denyPulls) {
                    reply(exchange, 403, "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"requested access to the resource is denied\"}]}");
                    return;
                }
                reply(exchange, 200, "{\"token\":\"" + token + "\"}");
                return;
            }
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate",
                        "Bearer realm=\"" + baseUrl() + "/token\",service=\"sim-registry\"");
                reply(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
                return;
            }
            if (path.equals("/v2/")) {
                reply(exchange, 200, "{}");
                return;
            }
            int manifests = path.indexOf("/manifests/");
            if (path.startsWith("/v2/") && manifests > 0) {
                String repository = path.substring(4, manifests);
                String tag = path.substring(manifests + "/manifests/".length());
                if (images.contains(repository + ":" + tag)) {
                    exchange.getResponseHeaders().set("Docker-Content-Digest", digestOf(repository + ":" + tag));
                    exchange.getResponseHeaders().set("Content-Type", "application/vnd.oci.image.index.v1+json");
                    reply(exchange, 200, exchange.getRequestMethod().equals("HEAD") ? "" : "{\"schemaVersion\":2}");
                } else {
                    reply(exchange, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}");
                }
                return;
            }
            reply(exchange, 404, "{}");
        }
    }

    /** The digest this registry answers for {@code repository:tag} (a hash of the name: stable across runs). */
    public static String digestOf(String image) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(image.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
