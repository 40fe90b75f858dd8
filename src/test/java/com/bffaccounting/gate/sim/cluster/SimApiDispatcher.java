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
    private static final Pattern PORTS = Pattern.compile("[?&]ports=(\\d+)");
    private static final Pattern SERVICES = Pattern.compile("/api/v1/namespaces/[^/]+/services");
    private static final Pattern TAIL_LINES = Pattern.compile("[?&]tailLines=(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    // what RBAC would call a request's resource, asked of every request of the suite while the cluster is strict

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of());
    private final Supplier<List<String>> podLog;
    private volatile BiFunction<String, String, Optional<List<String>>> lastWordsOf = (namespace, pod) -> Optional.empty();
    private final SimCluster.PodPorts podPorts;
    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong changes = new AtomicLong();
    private final SimApiGuard guard = new SimApiGuard();

    SimApiDispatcher(Supplier<List<String>> podLog, SimCluster.PodPorts podPorts) {
        this.podLog = podLog;
        this.podPorts = podPorts;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath().replaceAll("\\?.*", "");
        if (!request.getMethod().equals("GET") && !SimCluster.CONTROLLER_AGENT.equals(request.getHeader("User-Agent"))
                && !path.equals(ApiAnswers.ACCESS_REVIEWS)) {
            writes.add(request.getMethod() + " " + path + " (" + request.getHeader("User-Agent") + ")");
        }
        MockResponse response;
        boolean fromSuite = !SimCluster.CONTROLLER_AGENT.equals(request.getHeader("User-Agent"));
        Optional<MockResponse> unkind = fromSuite ? guard.refusal(request, path) : Optional.empty();
        if (unkind.isPresent()) {
            response = unkind.get();
        } else if (path.equals(ApiAnswers.ACCESS_REVIEWS) && request.getMethod().equals("POST")) {
            response = guard.accessReview(request);
        } else if (path.equals("/version")) {
            response = ApiAnswers.json(200, "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0-sim\",\"platform\":\"linux/amd64\"}");
        } else if (Discovery.handles(path)) {
            response = ApiAnswers.json(200, Discovery.document(path));
        } else if (path.startsWith("/openapi")) {
            response = ApiAnswers.json(404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}");
        } else if (ApiAnswers.PORT_FORWARD.matcher(path).matches()) {
            Matcher port = PORTS.matcher(request.getPath());
            int p = port.find() ? Integer.parseInt(port.group(1)) : 0;
            String[] parts = path.split("/");
            response = new MockResponse().withWebSocketUpgrade(new PortForwardRelay(podPorts.resolve(parts[4], parts[6], p), p));
        } else if (ApiAnswers.POD_LOG.matcher(path).matches() && request.getMethod().equals("GET")) {
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
        Duration delay = guard.delay();
        if (fromSuite && delay.compareTo(Duration.ZERO) > 0 && response.getWebSocketListener() == null) {
            response.setBodyDelay(delay);
        }
        if (!request.getMethod().equals("GET")) {
            changes.incrementAndGet(); // after the store has it: a controller that saw this count sees this write
        }
        return response;
    }

    void apiFaults(ApiFaults faults) {
        guard.apiFaults(faults);
    }

    /** From now on the suite's requests are allowed only as {@code rules} allow (null: as a cluster admin). */
    void suiteRbac(SimRbac rules) {
        guard.suiteRbac(rules);
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
            return ApiAnswers.json(422, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"invalid patch: "
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

}
