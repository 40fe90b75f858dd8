package com.bffaccounting.gate.sim.cluster;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Spike: logs requests and delegates to the CRUD dispatcher. */
public class SimApiDispatcher extends Dispatcher {
    public final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of());

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse response;
        String path = request.getPath().replaceAll("\\?.*", "");
        if (path.startsWith("/openapi")) {
            response = new MockResponse().setResponseCode(404).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}");
        } else if (Discovery.handles(path)) {
            response = new MockResponse().setResponseCode(200).setBody(Discovery.document(path));
        } else if (path.equals("/version")) {
            response = new MockResponse().setResponseCode(200).setBody("{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0-sim\",\"platform\":\"linux/amd64\"}");
        } else if (request.getMethod().equals("PATCH")
                && "application/strategic-merge-patch+json".equals(request.getHeader("Content-Type"))) {
            response = strategicPatch(request, path);
        } else {
            response = crud.dispatch(asJson(request));
            if (request.getMethod().equals("GET")) {
                Discovery.kindOfCollection(path).ifPresent(kind -> typedList(response, kind));
            }
        }
        if (response.header("Content-Type") == null) {
            response.setHeader("Content-Type", "application/json");
        }
        log.add(request.getMethod() + " " + request.getPath() + " ct=" + request.getHeader("Content-Type")
                + " accept=" + request.getHeader("Accept") + " -> " + response.code() + " "
                + (response.getBody() == null ? "" : abbreviate(new String(response.getBody().getBytes()))));
        return response;
    }

    /** Strategic merge patch, applied here and stored as an update (the mock knows only JSON patches). */
    private MockResponse strategicPatch(RecordedRequest request, String path) {
        MockResponse current = crud.handleGet(path);
        if (current.code() != 200) {
            return current;
        }
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode merged = StrategicMergePatch.apply(
                    json.readTree(current.getBody().getBytes()), json.readTree(request.getBody().getBytes()));
            io.fabric8.mockwebserver.http.Headers headers = request.getHeaders().newBuilder()
                    .set("Content-Type", "application/json").build();
            return crud.dispatch(new RecordedRequest(request.getHttpVersion(), io.fabric8.mockwebserver.dsl.HttpMethod.PUT,
                    request.getPath(), headers, new io.fabric8.mockwebserver.http.Buffer(json.writeValueAsBytes(merged))));
        } catch (java.io.IOException e) {
            return new MockResponse().setResponseCode(422).setBody("{\"kind\":\"Status\",\"message\":\"bad patch\"}");
        }
    }

    /** The mock answers every list as kind "List"; client-go's typed clients want "SecretList" and so on. */
    static void typedList(MockResponse response, String kind) {
        String body = new String(response.getBody().getBytes(), java.nio.charset.StandardCharsets.UTF_8);
        response.setBody(body.replaceFirst("\"kind\":\\s*\"List\"", "\"kind\":\"" + kind + "List\""));
    }

    /** client-go sends typed objects as protobuf; the CRUD store reads JSON. */
    static RecordedRequest asJson(RecordedRequest request) {
        if (!KubeProtobuf.isProtobuf(request.getHeader("Content-Type"))) {
            return request;
        }
        String json = KubeProtobuf.toJson(request.getBody().getBytes());
        io.fabric8.mockwebserver.http.Headers headers = request.getHeaders().newBuilder()
                .set("Content-Type", "application/json").build();
        return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(), headers,
                new io.fabric8.mockwebserver.http.Buffer(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String abbreviate(String s) {
        s = s.replace('\n', ' ');
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
