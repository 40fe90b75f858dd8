package com.bffaccounting.gate.sim.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

import java.util.regex.Pattern;

/** How the simulated API server answers, and the paths both its dispatcher and its guard know. */
final class ApiAnswers {
    static final Pattern POD_LOG = Pattern.compile("/api/v1/namespaces/[^/]+/pods/[^/]+/log");
    static final Pattern PORT_FORWARD = Pattern.compile("/api/v1/namespaces/[^/]+/pods/[^/]+/portforward");
    static final String ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiAnswers() {
    }

    static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    /** A {@code Status} body as the API server writes one. */
    static String status(int code, String reason, String message) {
        ObjectNode status = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
        return status.toString();
    }
}
