package com.bffaccounting.gate.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What fabric8's CRUD mock lacks for the real Helm (helm-java), added in front of it:
 * <ul>
 *   <li>{@code /version} and legacy discovery ({@code /api}, {@code /apis}, group versions), which the mock
 *       answers with empty lists so Helm cannot map kinds to paths;</li>
 *   <li>a JSON {@code Content-Type} on every answer — without it client-go decodes bodies as protobuf;</li>
 *   <li>protobuf request bodies (client-go's typed clients write Helm's release Secrets that way);</li>
 *   <li>typed list kinds ({@code SecretList}, not {@code List}), which client-go's typed decoders require;</li>
 *   <li>strategic merge patch, which Helm uses to upgrade built-in kinds;</li>
 *   <li>pod logs, answered from the simulated BFF's log.</li>
 * </ul>
 * It also counts write requests that do not come from the simulator's own controllers.
 * OpenAPI is not served: Helm runs against the simulator with its client-side schema validation off.
 */
final class SimApiDispatcher extends Dispatcher {
    private static final Pattern POD_LOG = Pattern.compile("/api/v1/namespaces/[^/]+/pods/[^/]+/log");
    private static final Pattern PORT_FORWARD = Pattern.compile("/api/v1/namespaces/[^/]+/pods/[^/]+/portforward");
    private static final Pattern PORTS = Pattern.compile("[?&]ports=(\\d+)");
    private static final Pattern SERVICES = Pattern.compile("/api/v1/namespaces/[^/]+/services");
    private static final Pattern TAIL_LINES = Pattern.compile("[?&]tailLines=(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MONITORING_GROUP = "monitoring.coreos.com";
    private static final Pattern DEPLOYMENTS = Pattern.compile("/apis/apps/v1/namespaces/[^/]+/deployments(/[^/]+)?");
    // what RBAC would call a request's resource, asked of every request of the suite while the cluster is strict
    private static final Pattern CORE_NAMESPACED = Pattern.compile("/api/v1/namespaces/[^/]+/([a-z]+)(?:/.*)?");
    private static final Pattern GROUP_NAMESPACED = Pattern.compile("/apis/[^/]+/[^/]+/namespaces/[^/]+/([a-z]+)(?:/.*)?");
    private static final Pattern CORE_CLUSTER_SCOPED = Pattern.compile("/api/v1/([a-z]+)(?:/.*)?");
    private static final Pattern EVENTS_V1 = Pattern.compile("/apis/events\\.k8s\\.io/v1/namespaces/[^/]+/events.*");

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of());
    private final Supplier<List<String>> podLog;
    private volatile BiFunction<String, String, Optional<List<String>>> lastWordsOf = (namespace, pod) -> Optional.empty();
    private final SimCluster.PodPorts podPorts;
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong changes = new AtomicLong();
    private volatile ApiFaults faults = ApiFaults.NONE;
    private volatile SimRbac rbac;
    private static final String ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    private final AtomicLong suiteReads = new AtomicLong();

    SimApiDispatcher(Supplier<List<String>> podLog, SimCluster.PodPorts podPorts) {
        this.podLog = podLog;
        this.podPorts = podPorts;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath().replaceAll("\\?.*", "");
        if (!request.getMethod().equals("GET") && !SimCluster.CONTROLLER_AGENT.equals(request.getHeader("User-Agent"))
                && !path.equals(ACCESS_REVIEWS)) {
            writes.add(request.getMethod() + " " + path + " (" + request.getHeader("User-Agent") + ")");
        }
        MockResponse response;
        boolean fromSuite = !SimCluster.CONTROLLER_AGENT.equals(request.getHeader("User-Agent"));
        Optional<MockResponse> unkind = fromSuite ? unkindAnswer(request, path) : Optional.empty();
        if (unkind.isPresent()) {
            response = unkind.get();
        } else if (path.equals(ACCESS_REVIEWS) && request.getMethod().equals("POST")) {
            response = accessReview(request);
        } else if (path.equals("/version")) {
            response = json(200, "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0-sim\",\"platform\":\"linux/amd64\"}");
        } else if (Discovery.handles(path)) {
            response = json(200, Discovery.document(path));
        } else if (path.startsWith("/openapi")) {
            response = json(404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}");
        } else if (PORT_FORWARD.matcher(path).matches()) {
            Matcher port = PORTS.matcher(request.getPath());
            int p = port.find() ? Integer.parseInt(port.group(1)) : 0;
            String[] parts = path.split("/");
            response = new MockResponse().withWebSocketUpgrade(new PortForwardRelay(podPorts.resolve(parts[4], parts[6], p), p));
        } else if (POD_LOG.matcher(path).matches() && request.getMethod().equals("GET")) {
            response = podLog(request.getPath());
        } else if (request.getMethod().equals("PATCH")
                && "application/strategic-merge-patch+json".equals(request.getHeader("Content-Type"))) {
            response = strategicPatch(request, path);
        } else if (request.getMethod().equals("POST") && SERVICES.matcher(path).matches()) {
            response = crud.dispatch(withClusterIp(request));
        } else {
            response = crud.dispatch(asJson(request));
            if (request.getMethod().equals("GET")) {
                Discovery.kindOfCollection(path).ifPresent(kind -> typedList(response, Discovery.groupVersionOf(path), kind));
            }
        }
        if (response.header("Content-Type") == null) {
            response.setHeader("Content-Type", "application/json");
        }
        ApiFaults current = faults;
        if (fromSuite && current.delay().compareTo(Duration.ZERO) > 0 && response.getWebSocketListener() == null) {
            response.setBodyDelay(current.delay());
        }
        if (!request.getMethod().equals("GET")) {
            changes.incrementAndGet(); // after the store has it: a controller that saw this count sees this write
        }
        return response;
    }

    void apiFaults(ApiFaults faults) {
        this.faults = faults;
    }

    /** From now on the suite's requests are allowed only as {@code rules} allow (null: as a cluster admin). */
    void suiteRbac(SimRbac rules) {
        this.rbac = rules;
    }

    /** {@code kubectl auth can-i}: a SelfSubjectAccessReview, answered by the suite's rules. */
    private MockResponse accessReview(RecordedRequest request) {
        try {
            ObjectNode review = (ObjectNode) JSON.readTree(request.getBody().getBytes());
            JsonNode attributes = review.path("spec").path("resourceAttributes");
            String resource = attributes.path("resource").asText("")
                    + (attributes.path("subresource").asText("").isEmpty() ? "" : "/" + attributes.path("subresource").asText());
            SimRbac rules = rbac;
            boolean allowed = rules == null || rules.allows(attributes.path("verb").asText(""), attributes.path("group").asText(""), resource);
            review.putObject("status").put("allowed", allowed);
            return json(201, review.toString());
        } catch (IOException | ClassCastException e) {
            return json(400, status(400, "BadRequest", "not a SelfSubjectAccessReview"));
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
    private Optional<MockResponse> unkindAnswer(RecordedRequest request, String path) {
        ApiFaults current = faults;
        if (!current.any() && rbac == null) {
            return Optional.empty();
        }
        if (current.hangPath() != null && path.contains(current.hangPath())) {
            return Optional.of(json(200, "{}").setBodyDelay(Duration.ofHours(1))); // the client's timeout ends it
        }
        if (current.unauthorized()) {
            return Optional.of(json(401, status(401, "Unauthorized", "Unauthorized")));
        }
        boolean write = !request.getMethod().equals("GET");
        if (current.crdMissing() && path.equals("/apis")) {
            return Optional.of(json(200, Discovery.documentWithout("/apis", MONITORING_GROUP)));
        }
        if (current.crdMissing() && path.startsWith("/apis/" + MONITORING_GROUP + "/")) {
            return Optional.of(json(404, status(404, "NotFound", "the server could not find the requested resource")));
        }
        if (current.webhookDenied() && write && DEPLOYMENTS.matcher(path).matches()) {
            return Optional.of(json(400, status(400, "BadRequest", "admission webhook \"deployments.policy.pilot.example\""
                    + " denied the request: container bff-accounting has no resources.limits.memory, which this cluster requires")));
        }
        String resource = rbacResource(path);
        SimRbac rules = rbac;
        if (rules != null && !path.equals(ACCESS_REVIEWS) && !path.equals("/version") && !Discovery.handles(path)
                && !path.startsWith("/openapi") && !resource.isEmpty()) {
            String verb = verbOf(request.getMethod(), path, resource);
            String group = path.startsWith("/apis/") ? path.split("/")[2] : "";
            if (!rules.allows(verb, group, resource)) {
                return Optional.of(json(403, status(403, "Forbidden", forbiddenMessage(rules.user(), verb, group, resource, path))));
            }
        }
        if (current.forbidden().contains(resource) || (write && current.forbidden().contains(ApiFaults.WRITES))) {
            String group = path.startsWith("/apis/") ? path.split("/")[2] : "";
            return Optional.of(json(403, status(403, "Forbidden",
                    forbiddenMessage(SimCluster.USER, verbOf(request.getMethod(), path, resource), group, resource, path))));
        }
        boolean read = request.getMethod().equals("GET") && !PORT_FORWARD.matcher(path).matches() && !path.equals("/version")
                && !Discovery.handles(path);
        if (current.flaky() && read) {
            long n = suiteReads.incrementAndGet();
            if (n % 40 == 0) {
                return Optional.of(json(429, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                        + "\"message\":\"Too many requests, please try again later.\",\"reason\":\"TooManyRequests\","
                        + "\"details\":{\"retryAfterSeconds\":1},\"code\":429}").setHeader("Retry-After", "1"));
            }
            if (n % 3 == 0) {
                return Optional.of(json(503, status(503, "ServiceUnavailable", "the server is currently unable to handle the request")));
            }
        }
        return Optional.empty();
    }

    /** The resource RBAC would name for a path: {@code pods/log}, {@code events}, {@code secrets}, {@code pods/portforward}. */
    private static String rbacResource(String path) {
        if (POD_LOG.matcher(path).matches()) {
            return "pods/log";
        }
        if (PORT_FORWARD.matcher(path).matches()) {
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

    /** A {@code Status} body as the API server writes one. */
    private static String status(int code, String reason, String message) {
        ObjectNode status = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
        return status.toString();
    }

    int writeRequests() {
        return writes.size();
    }

    /** Write requests from anyone, the simulator's controllers included: what a controller pass may have to answer. */
    long changes() {
        return changes.get();
    }

    void resetWrites() {
        writes.clear();
    }

    /** What a crash-looping pod's container wrote before it died: the kubelet knows; other pods show SimBff's log. */
    void lastWords(BiFunction<String, String, Optional<List<String>>> lastWordsOf) {
        this.lastWordsOf = lastWordsOf;
    }

    private MockResponse podLog(String pathWithQuery) {
        String[] parts = pathWithQuery.split("\\?")[0].split("/");
        Optional<List<String>> crashed = lastWordsOf.apply(parts[4], parts[6]);
        List<String> lines = crashed.map(words -> pathWithQuery.contains("previous=true") ? words : List.<String>of())
                .orElseGet(podLog);
        Matcher tail = TAIL_LINES.matcher(URLDecoder.decode(pathWithQuery, StandardCharsets.UTF_8));
        if (tail.find()) {
            int n = Integer.parseInt(tail.group(1));
            lines = lines.subList(Math.max(0, lines.size() - n), lines.size());
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain")
                .setBody(String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
    }

    /** Strategic merge patch, applied here and stored as an update (the mock knows only JSON patches). */
    private MockResponse strategicPatch(RecordedRequest request, String path) {
        MockResponse current = crud.handleGet(path);
        if (current.code() != 200) {
            return current;
        }
        try {
            JsonNode merged = StrategicMergePatch.apply(JSON.readTree(current.getBody().getBytes()),
                    JSON.readTree(request.getBody().getBytes()));
            Headers headers = request.getHeaders().newBuilder().set("Content-Type", "application/json").build();
            return crud.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.PUT, request.getPath(), headers,
                    new Buffer(JSON.writeValueAsBytes(merged))));
        } catch (IOException e) {
            return json(422, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"invalid patch: "
                    + e.getMessage().replace('"', '\'') + "\",\"code\":422}");
        }
    }

    /** The API server allocates a ClusterIP to every new Service; Helm's --wait waits for it. */
    private RecordedRequest withClusterIp(RecordedRequest request) {
        try {
            JsonNode service = JSON.readTree(request.getBody().getBytes());
            if (service.path("spec").isObject() && service.path("spec").path("clusterIP").asText("").isEmpty()) {
                ((ObjectNode) service.path("spec"))
                        .put("clusterIP", "10.96.0." + (10 + Math.floorMod(service.path("metadata").path("name").asText().hashCode(), 240)));
            }
            return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(), request.getHeaders(),
                    new Buffer(JSON.writeValueAsBytes(service)));
        } catch (IOException e) {
            return request; // not JSON: let the store reject it as it would
        }
    }

    /**
     * The mock answers every list as {@code v1 List}; client-go's typed clients decode only the real
     * thing ({@code v1 SecretList}, {@code apps/v1 ReplicaSetList}) and otherwise see an error.
     */
    private static void typedList(MockResponse response, String groupVersion, String kind) {
        if (response.getBody() == null) {
            return; // a watch, answered by a websocket: no list to retype
        }
        String body = new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
        response.setBody(body.replaceFirst("\"apiVersion\":\\s*\"v1\",\\s*\"kind\":\\s*\"List\"",
                "\"apiVersion\":\"" + groupVersion + "\",\"kind\":\"" + kind + "List\""));
    }

    /** client-go sends typed objects as protobuf; the CRUD store reads JSON. */
    private static RecordedRequest asJson(RecordedRequest request) {
        if (!KubeProtobuf.isProtobuf(request.getHeader("Content-Type"))) {
            return request;
        }
        String json = KubeProtobuf.toJson(request.getBody().getBytes());
        Headers headers = request.getHeaders().newBuilder().set("Content-Type", "application/json").build();
        return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(), headers,
                new Buffer(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }
}
