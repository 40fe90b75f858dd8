package com.bffaccounting.gate.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a Role (or ClusterRole) the simulated API server enforces for the suite's user, read from
 * the same YAML a cluster is given ({@code deploy/rbac/*.yaml}): a request is allowed when one rule names
 * its API group, resource (with subresource, {@code pods/log}) and verb. Bound in the release's namespace,
 * as a RoleBinding binds it; the simulator does not tell namespaces apart.
 */
public final class SimRbac {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String user;
    private final List<JsonNode> rules;

    private SimRbac(String user, List<JsonNode> rules) {
        this.user = user;
        this.rules = List.copyOf(rules);
    }

    /** A user bound to no Role at all: every request but discovery, {@code /version} and access reviews is forbidden. */
    public static SimRbac none(String user) {
        return new SimRbac(user, List.of());
    }

    /** The rules of every Role and ClusterRole in a multi-document YAML file. */
    public static SimRbac fromYaml(String user, String yaml) {
        List<JsonNode> rules = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (doc != null && (doc.path("kind").asText().equals("Role") || doc.path("kind").asText().equals("ClusterRole"))) {
                    doc.path("rules").forEach(rules::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the RBAC rules of " + user, e);
        }
        return new SimRbac(user, rules);
    }

    public String user() {
        return user;
    }

    public List<JsonNode> rules() {
        return rules;
    }

    /** The same rules less one (for the proof that each shipped rule is needed). */
    public SimRbac without(int rule) {
        List<JsonNode> fewer = new ArrayList<>(rules);
        fewer.remove(rule);
        return new SimRbac(user, fewer);
    }

    /** The same rules with one rule's resource taken out of it. */
    public SimRbac withoutResource(int rule, String resource) {
        List<JsonNode> fewer = new ArrayList<>(rules);
        ObjectNode changed = fewer.get(rule).deepCopy();
        ArrayNode resources = YAML.createArrayNode();
        changed.path("resources").forEach(r -> {
            if (!r.asText().equals(resource)) {
                resources.add(r);
            }
        });
        changed.set("resources", resources);
        fewer.set(rule, changed);
        return new SimRbac(user, fewer);
    }

    public boolean allows(String verb, String group, String resource) {
        for (JsonNode rule : rules) {
            if (contains(rule.path("apiGroups"), group) && contains(rule.path("resources"), resource) && contains(rule.path("verbs"), verb)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode item : list) {
            if (item.asText().equals(value) || item.asText().equals("*")) {
                return true;
            }
        }
        return false;
    }
}
