package com.bffaccounting.gate.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes' strategic merge patch, the subset that Helm's three-way patches of the kinds in our
 * chart use: maps merge, {@code null} deletes, lists of objects merge by their patch merge key
 * (containers, env, volumes by name; volumeMounts by mountPath; ports by containerPort or port), and
 * the directives {@code $patch}, {@code $setElementOrder/…}, {@code $deleteFromPrimitiveList/…} and
 * {@code $retainKeys}. The mock server only knows JSON merge patch, which would replace a whole
 * container list with the one changed field.
 */
final class StrategicMergePatch {
    private static final String SET_ORDER = "$setElementOrder/";
    private static final String DELETE_PRIMITIVE = "$deleteFromPrimitiveList/";

    private StrategicMergePatch() {
    }

    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        if ("replace".equals(patch.path("$patch").asText())) {
            ObjectNode replaced = ((ObjectNode) patch).deepCopy();
            replaced.remove("$patch");
            return replaced;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = f.getKey();
            JsonNode value = f.getValue();
            if (name.startsWith(SET_ORDER) || name.equals("$retainKeys") || name.equals("$patch")) {
                continue; // applied after the merge
            }
            if (name.startsWith(DELETE_PRIMITIVE)) {
                String field = name.substring(DELETE_PRIMITIVE.length());
                if (result.get(field) instanceof ArrayNode list) {
                    Set<JsonNode> remove = new HashSet<>();
                    value.forEach(remove::add);
                    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
                    list.forEach(e -> {
                        if (!remove.contains(e)) {
                            kept.add(e);
                        }
                    });
                    result.set(field, kept);
                }
                continue;
            }
            if (value.isNull()) {
                result.remove(name);
            } else if (value.isObject()) {
                result.set(name, apply(result.get(name), value));
            } else if (value.isArray()) {
                result.set(name, mergeList(name, result.get(name), (ArrayNode) value, patch.get(SET_ORDER + name)));
            } else {
                result.set(name, value.deepCopy());
            }
        }
        // fields a setElementOrder names but the patch leaves alone still get their order
        patch.fieldNames().forEachRemaining(n -> {
            if (n.startsWith(SET_ORDER) && !patch.has(n.substring(SET_ORDER.length()))) {
                String field = n.substring(SET_ORDER.length());
                if (result.get(field) instanceof ArrayNode list) {
                    result.set(field, order(list, patch.get(n)));
                }
            }
        });
        if (patch.get("$retainKeys") instanceof ArrayNode retain) {
            Set<String> keep = new HashSet<>();
            retain.forEach(k -> keep.add(k.asText()));
            List<String> names = new ArrayList<>();
            result.fieldNames().forEachRemaining(names::add);
            names.stream().filter(n -> !keep.contains(n)).forEach(result::remove);
        }
        return result;
    }

    private static JsonNode mergeList(String field, JsonNode current, ArrayNode patch, JsonNode order) {
        String key = mergeKey(field, patch.size() > 0 ? patch.get(0) : current != null && current.size() > 0 ? current.get(0) : null);
        if (key == null || current == null || !current.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            patch.forEach(e -> {
                if (!(e.isObject() && e.has("$patch"))) {
                    copy.add(e.deepCopy());
                }
            });
            return order == null ? copy : order(copy, order);
        }
        ArrayNode result = ((ArrayNode) current).deepCopy();
        for (JsonNode element : patch) {
            int index = indexOf(result, key, element.path(key));
            if ("delete".equals(element.path("$patch").asText())) {
                if (index >= 0) {
                    result.remove(index);
                }
            } else if (index >= 0) {
                result.set(index, apply(result.get(index), element));
            } else {
                result.add(apply(null, element));
            }
        }
        return order == null ? result : order(result, order);
    }

    private static ArrayNode order(ArrayNode list, JsonNode order) {
        if (order == null || !order.isArray() || order.size() == 0 || !order.get(0).isObject()) {
            return list;
        }
        String key = order.get(0).fieldNames().next();
        ArrayNode ordered = JsonNodeFactory.instance.arrayNode();
        Set<Integer> used = new HashSet<>();
        for (JsonNode o : order) {
            int index = indexOf(list, key, o.path(key));
            if (index >= 0) {
                ordered.add(list.get(index));
                used.add(index);
            }
        }
        for (int i = 0; i < list.size(); i++) {
            if (!used.contains(i)) {
                ordered.add(list.get(i));
            }
        }
        return ordered;
    }

    private static int indexOf(ArrayNode list, String key, JsonNode value) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).path(key).equals(value)) {
                return i;
            }
        }
        return -1;
    }

    /** The patch merge keys of k8s.io/api for the fields our kinds have. */
    static String mergeKey(String field, JsonNode sample) {
        switch (field) {
            case "containers":
            case "initContainers":
            case "env":
            case "volumes":
            case "imagePullSecrets":
                return "name";
            case "volumeMounts":
                return "mountPath";
            case "ports":
                return sample != null && sample.has("containerPort") ? "containerPort" : "port";
            default:
                return null;
        }
    }
}
