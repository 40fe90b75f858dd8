package com.bffaccounting.gate.helm;

import com.bffaccounting.gate.model.ReleaseRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * C5.2: the chart is verified with the values the deploy will use, before anything is deployed. It
 * must lint, render, hand the allowlist to the container verbatim, run the image under test, probe
 * the right paths, and let its ServiceMonitor really select its Service. Each problem names the
 * template and the field.
 */
public final class ChartVerifier {

    /** What the deploy will ask for; the chart must deliver exactly this. */
    public record Expectation(ReleaseRef release, HelmValues values, String image, String allowlistJson, String alertName) {
    }

    /**
     * @param problems     what makes the deploy fail or go blind (FAIL), each naming template and field
     * @param undecided    what cannot be told without a cluster (a referenced object the chart does not render)
     * @param probePaths   the rendered readiness and liveness paths, for the caller to try on the BFF
     */
    public record Result(List<String> problems, List<String> undecided, Optional<RenderedChart> rendered,
                         List<String> lintMessages, Map<String, String> probePaths) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private ChartVerifier() {
    }

    public static Result verify(Path chart, Expectation expected, ChartReferences.Namespace namespace) {
        List<String> problems = new ArrayList<>();
        List<String> lintMessages = List.of();
        try {
            LintResult lint = HelmClient.lint(chart);
            lintMessages = lint.getMessages();
            if (lint.isFailed()) {
                problems.add("helm lint --strict " + chart + " failed: " + String.join(" | ", lint.getMessages()));
            }
        } catch (RuntimeException e) {
            problems.add("helm lint --strict " + chart + " failed: " + oneLine(e));
        }
        RenderedChart rendered;
        try {
            rendered = RenderedChart.parse(HelmClient.template(chart, expected.release().helmRelease(), expected.release().namespace(), expected.values()));
        } catch (RuntimeException e) {
            problems.add("helm template " + chart + " with the deploy's values failed: " + oneLine(e));
            return new Result(problems, List.of(), Optional.empty(), lintMessages, Map.of());
        }
        Map<String, String> probePaths = new LinkedHashMap<>();
        problems.addAll(checkRendered(rendered, expected, probePaths, ChartSwitches.hint(chart, "servicemonitor", "monitor")));
        ChartReferences.Outcome references = ChartReferences.check(rendered, expected.release().namespace(), namespace);
        problems.addAll(references.missing());
        return new Result(problems, references.undecided(), Optional.of(rendered), lintMessages, Map.copyOf(probePaths));
    }

    static List<String> checkRendered(RenderedChart rendered, Expectation expected, Map<String, String> probePaths) {
        return checkRendered(rendered, expected, probePaths, "");
    }

    /** @param monitorHint the chart's own switch for its ServiceMonitor, as a hint (" (is serviceMonitor.enabled false?)"), or "" */
    static List<String> checkRendered(RenderedChart rendered, Expectation expected, Map<String, String> probePaths, String monitorHint) {
        List<String> problems = new ArrayList<>();
        Optional<RenderedChart.Manifest> deployment = rendered.manifests().stream()
                .filter(m -> m.kind().equals("Deployment") && m.name().equals(expected.release().deployment())).findFirst();
        if (deployment.isEmpty()) {
            problems.add("no Deployment named " + expected.release().deployment() + " is rendered (found: "
                    + rendered.manifests().stream().map(m -> m.kind() + "/" + m.name()).toList() + ")");
            return problems;
        }
        String src = deployment.get().source();
        JsonNode podSpec = deployment.get().body().path("spec").path("template").path("spec");
        JsonNode container = podSpec.path("containers").path(0);
        String containerField = "spec.template.spec.containers[0]";

        Optional<String> allowlist = envValue(container, "OS_TENANT_ALLOWLIST_JSON");
        if (allowlist.isEmpty()) {
            problems.add(src + ": " + containerField + ".env has no OS_TENANT_ALLOWLIST_JSON — the allowlist "
                    + expected.allowlistJson() + " would not reach the container");
        } else if (!allowlist.get().equals(expected.allowlistJson())) {
            problems.add(src + ": " + containerField + ".env OS_TENANT_ALLOWLIST_JSON is '" + allowlist.get()
                    + "' instead of '" + expected.allowlistJson() + "'");
        }
        String image = container.path("image").asText();
        if (!image.equals(expected.image())) {
            problems.add(src + ": " + containerField + ".image is '" + image + "' instead of '" + expected.image() + "'");
        }
        checkProbe(problems, src, containerField, container, "readinessProbe").ifPresent(p -> probePaths.put("readinessProbe", p));
        checkProbe(problems, src, containerField, container, "livenessProbe").ifPresent(p -> probePaths.put("livenessProbe", p));
        checkAlert(problems, rendered, expected.alertName());

        JsonNode podLabels = deployment.get().body().path("spec").path("template").path("metadata").path("labels");
        Optional<RenderedChart.Manifest> service = rendered.first("Service");
        if (service.isEmpty()) {
            problems.add("no Service is rendered, so nothing can reach or scrape the pods");
            return problems;
        }
        JsonNode serviceSelector = service.get().body().path("spec").path("selector");
        if (serviceSelector.isEmpty() || !subset(serviceSelector, podLabels)) {
            problems.add(service.get().source() + ": spec.selector " + serviceSelector + " does not select the pods' labels "
                    + podLabels);
        }
        if (rendered.first("ServiceMonitor").isEmpty()) {
            problems.add("no ServiceMonitor is rendered with the deploy's values" + monitorHint + ":"
                    + " the checklist's metrics would never reach Prometheus");
        }
        rendered.first("ServiceMonitor").ifPresent(monitor -> {
            JsonNode match = monitor.body().path("spec").path("selector").path("matchLabels");
            JsonNode serviceLabels = service.get().body().path("metadata").path("labels");
            if (match.isEmpty() || !subset(match, serviceLabels)) {
                problems.add(monitor.source() + ": spec.selector.matchLabels " + match
                        + " does not select the Service, whose labels are " + serviceLabels);
            }
            List<String> portNames = new ArrayList<>();
            service.get().body().path("spec").path("ports").forEach(p -> portNames.add(p.path("name").asText()));
            monitor.body().path("spec").path("endpoints").forEach(endpoint -> {
                String port = endpoint.path("port").asText();
                if (!portNames.contains(port)) {
                    problems.add(monitor.source() + ": spec.endpoints[].port '" + port
                            + "' is not a port name of the Service " + portNames);
                }
            });
        });
        return problems;
    }

    /** The ExternalSyncStale alert (C12.3) must be among the rendered PrometheusRule's alerts. */
    private static void checkAlert(List<String> problems, RenderedChart rendered, String alertName) {
        List<String> alerts = new ArrayList<>();
        rendered.manifests().stream().filter(m -> m.kind().equals("PrometheusRule")).forEach(rule ->
                rule.body().path("spec").path("groups").forEach(g -> g.path("rules").forEach(r -> {
                    if (r.has("alert")) {
                        alerts.add(r.path("alert").asText());
                    }
                })));
        if (!alerts.contains(alertName)) {
            problems.add(rendered.manifests().stream().filter(m -> m.kind().equals("PrometheusRule")).findFirst()
                    .map(m -> m.source() + ": spec.groups[].rules[] has no alert " + alertName + " (it has " + alerts + ")")
                    .orElse("no PrometheusRule is rendered with the deploy's values, so no " + alertName + " alert would ever fire"));
        }
    }

    /** The probe's path, when it has an httpGet on a port of the container; no opinion on the path's name. */
    private static Optional<String> checkProbe(List<String> problems, String src, String containerField, JsonNode container,
                                               String probe) {
        JsonNode httpGet = container.path(probe).path("httpGet");
        if (httpGet.isMissingNode()) {
            problems.add(src + ": " + containerField + "." + probe + " has no httpGet: the pod's readiness and liveness"
                    + " would not be checked against the BFF");
            return Optional.empty();
        }
        String path = httpGet.path("path").asText("/");
        JsonNode port = httpGet.path("port");
        boolean portExists = false;
        for (JsonNode p : container.path("ports")) {
            if (port.isTextual() ? p.path("name").asText().equals(port.asText()) : p.path("containerPort").asInt() == port.asInt()) {
                portExists = true;
            }
        }
        if (!portExists) {
            problems.add(src + ": " + containerField + "." + probe + ".httpGet.port " + port + " is not a port of the container");
        }
        return Optional.of(path);
    }

    static Optional<String> envValue(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name) && env.has("value")) {
                return Optional.of(env.path("value").asText());
            }
        }
        return Optional.empty();
    }

    private static boolean subset(JsonNode small, JsonNode big) {
        Iterator<Map.Entry<String, JsonNode>> fields = small.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!f.getValue().asText().equals(big.path(f.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
