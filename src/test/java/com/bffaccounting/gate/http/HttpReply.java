package com.bffaccounting.gate.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.Optional;

/** An answer of the BFF: status, body, content type, and how long it took to come (zero where nobody timed it). */
public record HttpReply(int status, String body, String contentType, Duration took) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public HttpReply(int status, String body, String contentType) {
        this(status, body, contentType, Duration.ZERO);
    }

    /** The body as JSON, or empty when it is not JSON (a proxy's HTML error page, an empty body). */
    public Optional<JsonNode> json() {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(body));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public Optional<String> jsonText(String field) {
        return json().map(n -> n.get(field)).filter(n -> n != null && !n.isNull()).map(JsonNode::asText);
    }

    public String bodyExcerpt() {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 197) + "..." : flat;
    }
}
