package com.bffaccounting.gate.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The suite's own small HTTP calls — the Prometheus API, the registry API, "does it answer yet" — as
 * blocking HTTP/1.1 requests ({@link HttpURLConnection}). Not {@code java.net.http}: on Java 17 each of
 * its clients keeps a selector thread in a native call for as long as it lives, and a JVM waits 300 ms
 * at exit for threads in native code (every run paid it). The BFF itself is called through REST Assured
 * ({@link BffClient}), which records the exchanges for the report.
 */
public final class PlainHttp {
    private PlainHttp() {
    }

    /** A status, the response headers (names as sent), and the body as text ("" for HEAD and empty answers). */
    public record Reply(int status, Map<String, List<String>> headers, String body) {
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    public static Reply get(URI url, Map<String, String> headers, Duration timeout) throws IOException {
        return send("GET", url, headers, null, timeout);
    }

    /**
     * One request. Redirects within a protocol are followed; the timeout bounds the connect and each read.
     *
     * @param body sent as is (POST, PUT); null for none
     */
    public static Reply send(String method, URI url, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        try {
            connection.setRequestMethod(method);
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setUseCaches(false);
            headers.forEach(connection::setRequestProperty);
            if (body != null) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            return new Reply(status, connection.getHeaderFields(), "HEAD".equals(method) ? "" : text(connection, status));
        } finally {
            // an answer read to its end leaves the connection to the keep-alive cache; this frees anything else
            connection.disconnect();
        }
    }

    private static String text(HttpURLConnection connection, int status) throws IOException {
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
