package com.bffaccounting.gate.kube;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the API server said, in its own words: the {@code Status} it answered with (message, reason, code),
 * never fabric8's {@code toString} of it ({@code Received status: Status(apiVersion=v1, code=403, …)}).
 */
public final class ApiErrors {
    /** Answers worth asking again for a read: the server was busy or briefly unwell, not refusing. */
    static final Set<Integer> TRANSIENT = Set.of(429, 500, 502, 503, 504);
    /** fabric8's message: "Failure executing: GET at: URL. Message: WORDS. Received status: Status(…)". */
    private static final Pattern FABRIC8_MESSAGE = Pattern.compile("(?s).*?Message: (.*?)(?:\\. Received status:.*)?$");

    private ApiErrors() {
    }

    /** "403 Forbidden: events is forbidden: User \"ci\" cannot list resource \"events\" …". */
    public static String words(KubernetesClientException e) {
        Status status = e.getStatus();
        String message = status != null && status.getMessage() != null && !status.getMessage().isBlank() ? status.getMessage()
                : ownMessage(e);
        String reason = status != null && status.getReason() != null ? status.getReason() : reasonOf(e.getCode());
        String code = e.getCode() > 0 ? e.getCode() + (reason.isEmpty() ? "" : " " + reason) : reason;
        String said = oneLine(message);
        // fabric8 keeps no body for some answers (a log's 403): then the reason is all the server said
        return said.isEmpty() || said.equalsIgnoreCase(reason) ? code : (code.isEmpty() ? "" : code + ": ") + said;
    }

    /** Seconds the server asked to wait before asking again (a 429's {@code Retry-After}, kept in its Status details). */
    static Optional<Integer> retryAfterSeconds(KubernetesClientException e) {
        return Optional.ofNullable(e.getStatus()).map(Status::getDetails).map(d -> d.getRetryAfterSeconds()).filter(s -> s > 0);
    }

    /** {@code kubectl auth can-i list events -n accounting}: the line that asks for the permission a call needed. */
    public static String canI(String verb, String resource, String namespace) {
        return "kubectl auth can-i " + verb + " " + resource + (namespace == null || namespace.isEmpty() ? "" : " -n " + namespace);
    }

    private static String ownMessage(KubernetesClientException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = FABRIC8_MESSAGE.matcher(message);
        if (message.contains("Message: ") && m.matches()) {
            return m.group(1);
        }
        int received = message.indexOf(". Received status:");
        return received > 0 ? message.substring(0, received) : message;
    }

    private static String reasonOf(int code) {
        return switch (code) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 422 -> "Invalid";
            case 429 -> "TooManyRequests";
            case 500 -> "InternalError";
            case 503 -> "ServiceUnavailable";
            case 504 -> "Timeout";
            default -> "";
        };
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
