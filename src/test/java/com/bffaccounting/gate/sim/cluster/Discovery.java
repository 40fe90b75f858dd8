package com.bffaccounting.gate.sim.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Legacy discovery documents (/api, /apis, /api/v1, /apis/GROUP/VERSION) for the kinds the chart and
 * Helm use. The mock server answers them with empty lists, so the real Helm cannot map kinds to paths.
 */
final class Discovery {
    record Kind(String kind, String plural, boolean namespaced) {
    }

    static final Map<String, List<Kind>> GROUP_VERSIONS = new LinkedHashMap<>();

    static {
        GROUP_VERSIONS.put("v1", List.of(
                new Kind("Namespace", "namespaces", false),
                new Kind("Secret", "secrets", true),
                new Kind("ConfigMap", "configmaps", true),
                new Kind("Service", "services", true),
                new Kind("Pod", "pods", true),
                new Kind("Event", "events", true),
                new Kind("ServiceAccount", "serviceaccounts", true)));
        GROUP_VERSIONS.put("apps/v1", List.of(
                new Kind("Deployment", "deployments", true),
                new Kind("ReplicaSet", "replicasets", true)));
        GROUP_VERSIONS.put("networking.k8s.io/v1", List.of(new Kind("Ingress", "ingresses", true)));
        GROUP_VERSIONS.put("monitoring.coreos.com/v1", List.of(
                new Kind("ServiceMonitor", "servicemonitors", true),
                new Kind("PrometheusRule", "prometheusrules", true)));
    }

    private Discovery() {
    }

    /** The kind listed at a collection path ({@code /api/v1/namespaces/x/secrets} → Secret). */
    static java.util.Optional<String> kindOfCollection(String path) {
        String[] parts = path.split("/");
        String plural = parts[parts.length - 1];
        return GROUP_VERSIONS.values().stream().flatMap(List::stream)
                .filter(k -> k.plural().equals(plural)).map(Kind::kind).findFirst();
    }

    /** {@code /apis/apps/v1/...} → apps/v1; {@code /api/v1/...} → v1. */
    static String groupVersionOf(String path) {
        String[] parts = path.split("/");
        return parts[1].equals("api") ? parts[2] : parts[2] + "/" + parts[3];
    }

    static boolean handles(String path) {
        return path.equals("/api") || path.equals("/apis") || path.equals("/api/v1")
                || (path.startsWith("/apis/") && GROUP_VERSIONS.containsKey(path.substring("/apis/".length())));
    }

    static String document(String path) {
        if (path.equals("/api")) {
            return "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1\"}]}";
        }
        if (path.equals("/apis")) {
            String groups = GROUP_VERSIONS.keySet().stream().filter(gv -> gv.contains("/")).map(gv -> {
                String group = gv.substring(0, gv.indexOf('/'));
                String version = gv.substring(gv.indexOf('/') + 1);
                String v = "{\"groupVersion\":\"" + gv + "\",\"version\":\"" + version + "\"}";
                return "{\"name\":\"" + group + "\",\"versions\":[" + v + "],\"preferredVersion\":" + v + "}";
            }).collect(Collectors.joining(","));
            return "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[" + groups + "]}";
        }
        String gv = path.equals("/api/v1") ? "v1" : path.substring("/apis/".length());
        String resources = GROUP_VERSIONS.get(gv).stream().map(k -> "{\"name\":\"" + k.plural() + "\",\"singularName\":\""
                + k.kind().toLowerCase() + "\",\"namespaced\":" + k.namespaced() + ",\"kind\":\"" + k.kind()
                + "\",\"verbs\":[\"create\",\"delete\",\"get\",\"list\",\"patch\",\"update\",\"watch\"]}")
                .collect(Collectors.joining(","));
        return "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"" + gv + "\",\"resources\":[" + resources + "]}";
    }
}
