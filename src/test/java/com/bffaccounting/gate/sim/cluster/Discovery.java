package com.bffaccounting.gate.sim.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Legacy discovery documents (/api, /apis, /api/v1, /apis/GROUP/VERSION) for the built-in kinds charts
 * use, and the Prometheus operator's. The mock server answers them with empty lists, so the real Helm
 * cannot map kinds to paths. Group, version, plural and scope come from fabric8's model classes (their
 * {@code @Group}/{@code @Version} annotations and {@code Namespaced} interface), not from a hand list.
 */
final class Discovery {
    record Kind(String kind, String plural, boolean namespaced) {
    }

    /** The kinds served: what Helm, the chart and the simulated kubelet use, and what charts commonly add. */
    private static final List<Class<? extends HasMetadata>> MODEL = List.of(
            Namespace.class, Secret.class,
            ConfigMap.class, Service.class,
            Pod.class, Event.class,
            ServiceAccount.class, PersistentVolumeClaim.class,
            Deployment.class, ReplicaSet.class,
            StatefulSet.class, DaemonSet.class,
            Job.class, CronJob.class,
            HorizontalPodAutoscaler.class,
            PodDisruptionBudget.class,
            Ingress.class,
            NetworkPolicy.class,
            Role.class, RoleBinding.class,
            ClusterRole.class, ClusterRoleBinding.class);

    static final Map<String, List<Kind>> GROUP_VERSIONS = new LinkedHashMap<>();

    static {
        for (Class<? extends HasMetadata> type : MODEL) {
            GROUP_VERSIONS.computeIfAbsent(HasMetadata.getApiVersion(type), gv -> new ArrayList<>())
                    .add(new Kind(HasMetadata.getKind(type), HasMetadata.getPlural(type), Namespaced.class.isAssignableFrom(type)));
        }
        // The Prometheus operator's CRDs (the chart's ServiceMonitor and PrometheusRule): no model class on this classpath.
        GROUP_VERSIONS.put("monitoring.coreos.com/v1", List.of(
                new Kind("ServiceMonitor", "servicemonitors", true),
                new Kind("PodMonitor", "podmonitors", true),
                new Kind("PrometheusRule", "prometheusrules", true)));
    }

    private Discovery() {
    }

    /** The kind listed at a collection path ({@code /api/v1/namespaces/x/secrets} → Secret). */
    static Optional<String> kindOfCollection(String path) {
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

    /** The same document as if {@code group} were not installed (a cluster without the Prometheus Operator). */
    static String documentWithout(String path, String group) {
        if (!path.equals("/apis")) {
            return document(path);
        }
        return document(path).replaceAll("\\{\"name\":\"" + Pattern.quote(group) + "\"[^\\]]*\\],\"preferredVersion\":\\{[^}]*\\}\\},?", "")
                .replace(",]", "]");
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
