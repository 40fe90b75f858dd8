package com.bffaccounting.gate.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the simulated API server refuses the suite, as a real one would: RBAC for {@code sim.user} (403 with
 * the API server's own words, and access reviews answered by the same rules), and the unkindness of the
 * {@link ApiFaults} — 401, 429 and 503, a hang, a missing CRD, an admission webhook, forbidden resources.
 * The simulator's own controllers are never refused.
 */
final class SimApiGuard {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MONITORING_GROUP = "monitoring.coreos.com";
    private static final Pattern DEPLOYMENTS = Pattern.compile("/apis/apps/v1/namespaces/[^/]+/deployments(/[^/]+)?");
    /** The resource a path names, as RBAC names it. */
    private static final Pattern CORE_NAMESPACED = Pattern.compile("/api/v1/namespaces/[^/]+/([a-z]+)(?:/.*)?");
    private static final Pattern GROUP_NAMESPACED = Pattern.compile("/apis/[^/]+/[^/]+/namespaces/[^/]+/([a-z]+)(?:/.*)?");
    private static final Pattern CORE_CLUSTER_SCOPED = Pattern.compile("/api/v1/([a-z]+)(?:/.*)?");
    private static final Pattern EVENTS_V1 = Pattern.compile("/apis/events\\.k8s\\.io/v1/namespaces/[^/]+/events.*");

    private volatile ApiFaults faults = ApiFaults.NONE;
    private volatile SimRbac rbac;
    private final AtomicLong suiteReads = new AtomicLong();

    void apiFaults(ApiFaults faults) {
        this.faults = faults;
    }

    /** How late every answer to the suite comes (api-slow). */
    Duration delay() {
        return faults.delay();
    }

    /** From now on the suite's requests are allowed only as {@code rules} allow (null: as a cluster admin). */
    void suiteRbac(SimRbac rules) {
        this.rbac = rules;
    }

    /** {@code kubectl auth can-i}: a SelfSubjectAccessReview, answered by the suite's rules. */
    MockResponse accessReview(RecordedRequest request) {
        try {
            ObjectNode review = (ObjectNode) JSON.readTree(request.getBody().getBytes());
            JsonNode attributes = review.path("spec").path("resourceAttributes");
            String resource = attributes.path("resource").asText("")
                    + (attributes.path("subresource").asText("").isEmpty() ? "" : "/" + attributes.path("subresource").asText());
            SimRbac rules = rbac;
            boolean allowed = rules == null || rules.allows(attributes.path("verb").asText(""), attributes.path("group").asText(""), resource);
            review.putObject("status").put("allowed", allowed);
            return ApiAnswers.json(201, review.toString());
        } catch (IOException | ClassCastException e) {
            return ApiAnswers.json(400, ApiAnswers.status(400, "BadRequest", "not a SelfSubjectAccessReview"));
        }
    }

    private static String verbOf(String method, String path, String resource) {
        return switch (method) {
            case "GET" -> resource.equals("pods/portforward") ? "create"
                    : path.endsWith("/" + resource) || path.endsWith("/" + resource.replaceAll("/.*", "")) ? "list" : "get";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> "create";
        };
    }

    private static String forbiddenMessage(String user, String verb, String group, String resource, String path) {
        String[] parts = path.split("/");
        int ns = java.util.Arrays.asList(parts).indexOf("namespaces");
        String namespace = ns > 0 && parts.length > ns + 2 ? parts[ns + 1] : "";
        return resource + (group.isEmpty() ? "" : "." + group) + " is forbidden: User \"" + user + "\" cannot " + verb
                + " resource \"" + resource.replaceAll("/.*", "") + "\""
                + (resource.contains("/") ? " with subresource \"" + resource.replaceAll(".*/", "") + "\"" : "")
                + " in API group \"" + group + "\"" + (namespace.isEmpty() ? "" : " in the namespace \"" + namespace + "\"");
    }

    /** What an unkind API server answers the suite instead of the truth, when it does. */
    Optional<MockResponse> refusal(RecordedRequest request, String path) {
        ApiFaults current = faults;
        if (!current.any() && rbac == null) {
            return Optional.empty();
        }
        if (current.hangPath() != null && path.contains(current.hangPath())) {
            return Optional.of(ApiAnswers.json(200, "{}").setBodyDelay(Duration.ofHours(1))); // the client's timeout ends it
        }
        if (current.unauthorized()) {
            return Optional.of(ApiAnswers.json(401, ApiAnswers.status(401, "Unauthorized", "Unauthorized")));
        }
        boolean write = !request.getMethod().equals("GET");
        if (current.crdMissing() && path.equals("/apis")) {
            return Optional.of(ApiAnswers.json(200, Discovery.documentWithout("/apis", MONITORING_GROUP)));
        }
        if (current.crdMissing() && path.startsWith("/apis/" + MONITORING_GROUP + "/")) {
            return Optional.of(ApiAnswers.json(404, ApiAnswers.status(404, "NotFound", "the server could not find the requested resource")));
        }
        if (current.webhookDenied() && write && DEPLOYMENTS.matcher(path).matches()) {
            return Optional.of(ApiAnswers.json(400, ApiAnswers.status(400, "BadRequest", "admission webhook \"deployments.policy.pilot.example\""
                    + " denied the request: container bff-accounting has no resources.limits.memory, which this cluster requires")));
        }
        String resource = rbacResource(path);
        SimRbac rules = rbac;
        if (rules != null && !path.equals(ApiAnswers.ACCESS_REVIEWS) && !path.equals("/version") && !Discovery.handles(path)
                && !path.startsWith("/openapi") && !resource.isEmpty()) {
            String verb = verbOf(request.getMethod(), path, resource);
            String group = path.startsWith("/apis/") ? path.split("/")[2] : "";
            if (!rules.allows(verb, group, resource)) {
                return Optional.of(ApiAnswers.json(403, ApiAnswers.status(403, "Forbidden", forbiddenMessage(rules.user(), verb, group, resource, path))));
            }
        }
        if (current.forbidden().contains(resource) || (write && current.forbidden().contains(ApiFaults.WRITES))) {
            String group = path.startsWith("/apis/") ? path.split("/")[2] : "";
            return Optional.of(ApiAnswers.json(403, ApiAnswers.status(403, "Forbidden",
                    forbiddenMessage(SimCluster.USER, verbOf(request.getMethod(), path, resource), group, resource, path))));
        }
        boolean read = request.getMethod().equals("GET") && !ApiAnswers.PORT_FORWARD.matcher(path).matches() && !path.equals("/version")
                && !Discovery.handles(path);
        if (current.flaky() && read) {
            long n = suiteReads.incrementAndGet();
            if (n % 40 == 0) {
                return Optional.of(ApiAnswers.json(429, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                        + "\"message\":\"Too many requests, please try again later.\",\"reason\":\"TooManyRequests\","
                        + "\"details\":{\"retryAfterSeconds\":1},\"code\":429}").setHeader("Retry-After", "1"));
            }
            if (n % 3 == 0) {
                return Optional.of(ApiAnswers.json(503, ApiAnswers.status(503, "ServiceUnavailable", "the server is currently unable to handle the request")));
            }
        }
        return Optional.empty();
    }

    /** The resource RBAC would name for a path: {@code pods/log}, {@code events}, {@code secrets}, {@code pods/portforward}. */
    private static String rbacResource(String path) {
        if (ApiAnswers.POD_LOG.matcher(path).matches()) {
            return "pods/log";
        }
        if (ApiAnswers.PORT_FORWARD.matcher(path).matches()) {
            return "pods/portforward";
        }
        Matcher m = CORE_NAMESPACED.matcher(path);
        if (m.matches()) {
            return m.group(1);
        }
        Matcher grouped = GROUP_NAMESPACED.matcher(path);
        if (grouped.matches()) {
            return grouped.group(1);
        }
        Matcher cluster = CORE_CLUSTER_SCOPED.matcher(path);
        if (cluster.matches()) {
            return cluster.group(1);
        }
        Matcher events = EVENTS_V1.matcher(path);
        return events.matches() ? "events" : "";
    }
}
