package com.bffaccounting.gate.helm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a chart's pods read from other objects — {@code secretKeyRef}, {@code configMapKeyRef},
 * {@code envFrom}, {@code imagePullSecrets}, secret, configMap and PVC volumes — and whether each is
 * there: rendered by the chart with the deploy's values, or already in the namespace. A Deployment that
 * reads a Secret nobody creates never starts (CreateContainerConfigError), however well it lints.
 */
public final class ChartReferences {
    /** Whether an object exists in the release's namespace, or why that cannot be told. */
    public interface Namespace {
        Lookup has(String kind, String name);

        /** For a run without a cluster: nothing can be looked up. */
        Namespace UNKNOWN = (kind, name) -> Lookup.unknown("without a cluster the suite cannot tell whether it exists");
    }

    /** @param exists null when it cannot be told, and then {@code whyUnknown} says why */
    public record Lookup(Boolean exists, String whyUnknown) {
        public static Lookup of(boolean exists) {
            return new Lookup(exists, null);
        }

        public static Lookup unknown(String why) {
            return new Lookup(null, why);
        }
    }

    /** One reference: what it names, and where (template and field). */
    record Reference(String kind, String name, String key, String where, boolean optional) {
        String describe() {
            return kind + " " + name + (key == null ? "" : " (key " + key + ")");
        }
    }

    /** Problems (FAIL) and references that could not be decided (no cluster to ask). */
    public record Outcome(List<String> missing, List<String> undecided) {
    }

    private ChartReferences() {
    }

    public static Outcome check(RenderedChart rendered, String namespace, Namespace cluster) {
        List<String> missing = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (RenderedChart.Manifest manifest : rendered.manifests()) {
            JsonNode podSpec = podSpecOf(manifest);
            if (podSpec == null) {
                continue;
            }
            for (Reference ref : referencesOf(manifest.source(), podSpec)) {
                Optional<RenderedChart.Manifest> target = rendered.manifests().stream()
                        .filter(m -> m.kind().equals(ref.kind()) && m.name().equals(ref.name())).findFirst();
                if (target.isPresent()) {
                    if (ref.key() != null && !hasKey(target.get(), ref.key()) && !ref.optional()) {
                        missing.add(ref.where() + " reads key " + ref.key() + " of " + ref.kind() + " " + ref.name()
                                + ", which the chart renders without that key");
                    }
                    continue;
                }
                if (ref.optional()) {
                    continue;
                }
                Lookup inNamespace = cluster.has(ref.kind(), ref.name());
                if (inNamespace.exists() == null) {
                    undecided.add(ref.where() + " reads " + ref.describe() + ", which the chart does not render; "
                            + inNamespace.whyUnknown() + " in namespace " + namespace);
                } else if (!inNamespace.exists()) {
                    missing.add(ref.where() + " reads " + ref.describe() + ", which the chart does not render with the"
                            + " deploy's values and namespace " + namespace + " does not have: the pods would not start");
                }
            }
        }
        return new Outcome(missing, undecided);
    }

    private static JsonNode podSpecOf(RenderedChart.Manifest manifest) {
        JsonNode body = manifest.body();
        switch (manifest.kind()) {
            case "Pod":
                return body.path("spec");
            case "Deployment":
            case "StatefulSet":
            case "DaemonSet":
            case "ReplicaSet":
            case "Job":
                return body.path("spec").path("template").path("spec");
            case "CronJob":
                return body.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
            default:
                return null;
        }
    }

    static List<Reference> referencesOf(String source, JsonNode podSpec) {
        List<Reference> refs = new ArrayList<>();
        int i = 0;
        for (JsonNode secret : podSpec.path("imagePullSecrets")) {
            refs.add(new Reference("Secret", secret.path("name").asText(), null, source + ": spec.imagePullSecrets[" + i++ + "]", false));
        }
        for (String list : List.of("initContainers", "containers")) {
            int c = 0;
            for (JsonNode container : podSpec.path(list)) {
                String field = source + ": " + list + "[" + c++ + "]";
                for (JsonNode env : container.path("env")) {
                    JsonNode from = env.path("valueFrom");
                    String where = field + ".env " + env.path("name").asText();
                    keyRef(refs, "Secret", from.path("secretKeyRef"), where);
                    keyRef(refs, "ConfigMap", from.path("configMapKeyRef"), where);
                }
                int e = 0;
                for (JsonNode envFrom : container.path("envFrom")) {
                    String where = field + ".envFrom[" + e++ + "]";
                    whole(refs, "Secret", envFrom.path("secretRef"), "name", where);
                    whole(refs, "ConfigMap", envFrom.path("configMapRef"), "name", where);
                }
            }
        }
        for (JsonNode volume : podSpec.path("volumes")) {
            String where = source + ": volumes " + volume.path("name").asText();
            whole(refs, "Secret", volume.path("secret"), "secretName", where);
            whole(refs, "ConfigMap", volume.path("configMap"), "name", where);
            whole(refs, "PersistentVolumeClaim", volume.path("persistentVolumeClaim"), "claimName", where);
        }
        return refs;
    }

    private static void keyRef(List<Reference> refs, String kind, JsonNode ref, String where) {
        if (ref.has("name")) {
            refs.add(new Reference(kind, ref.path("name").asText(), ref.path("key").asText(null), where, ref.path("optional").asBoolean()));
        }
    }

    private static void whole(List<Reference> refs, String kind, JsonNode ref, String nameField, String where) {
        if (ref.has(nameField)) {
            refs.add(new Reference(kind, ref.path(nameField).asText(), null, where, ref.path("optional").asBoolean()));
        }
    }

    private static boolean hasKey(RenderedChart.Manifest manifest, String key) {
        return manifest.body().path("data").has(key) || manifest.body().path("stringData").has(key);
    }
}
