package com.bffaccounting.gate.http;

import java.util.Map;
import java.util.stream.Collectors;

/** One request and its answer, as evidence. Header values are already redacted when recorded. */
public record HttpExchangeRecord(String method, String url, Map<String, String> requestHeaders, int status,
                                 String responseBody, long millis) {
    @Override
    public String toString() {
        String headers = requestHeaders.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
        return method + " " + url + "\n" + headers + "\n\n→ " + status + " (" + millis + " ms)\n" + responseBody;
    }
}
