package com.bffaccounting.gate.kube;

import com.bffaccounting.gate.io.Executables;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Kubeconfigs as kubectl reads them, checked before any client acts on one: a {@code KUBECONFIG} path list
 * is merged (the first file to name a cluster, context or user wins, and the first current-context), and
 * what would otherwise fail deep inside a client — a file that is not YAML, a document of the wrong shape,
 * an {@code exec} credential plugin that is not on PATH, a token or certificate file that is missing — is one
 * line naming the file, the user or the command. Settings that weaken the connection (skipping TLS
 * verification, a token sent over plain http) are warnings.
 */
public final class KubeconfigFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> NAMED_LISTS = List.of("clusters", "contexts", "users");

    private KubeconfigFiles() {
    }

    /** The kubeconfig a run uses, in one document, and where it came from. */
    public record Loaded(String yaml, String source) {
    }

    /**
     * kubectl's order: the files given (one {@code -Dkubeconfig}, or the {@code KUBECONFIG} list), merged;
     * files of the list that do not exist are skipped, as kubectl skips them.
     *
     * @throws KubeErrors.KubeconfigException with one line when none can be read or one is not a kubeconfig
     */
    public static Loaded load(List<Path> files) {
        List<Path> present = files.stream().filter(Files::isRegularFile).toList();
        if (present.isEmpty()) {
            throw new KubeErrors.KubeconfigException("kubeconfig: no readable kubeconfig at " + String.join(", ", files.stream()
                    .map(Path::toString).toList()) + " (from -Dkubeconfig, $KUBECONFIG or ~/.kube/config)"
                    + " — set -Dkubeconfig=/path/to/config, or verify a BFF without Kubernetes with -Denv=local");
        }
        if (present.size() == 1) {
            Path file = present.get(0);
            String yaml = read(file);
            document(yaml, file.toString());
            return new Loaded(yaml, file.toString());
        }
        ObjectNode merged = YAML.createObjectNode();
        for (Path file : present) {
            ObjectNode document = document(read(file), file.toString());
            mergeInto(merged, document);
        }
        String source = String.join(":", present.stream().map(Path::toString).toList());
        try {
            return new Loaded(YAML.writeValueAsString(merged), source);
        } catch (JsonProcessingException e) {
            throw new KubeErrors.KubeconfigException("kubeconfig " + source + ": cannot be merged (" + e.getOriginalMessage() + ")");
        }
    }

    /**
     * What would make a client fail, or act less safely than asked, for {@code context} (the current context
     * when empty): one line per warning; a problem that stops the run is thrown as one line.
     */
    public static List<String> check(String yaml, String source, Optional<String> context) {
        ObjectNode config = document(yaml, source);
        String contextName = context.orElse(config.path("current-context").asText(""));
        Optional<JsonNode> selected = named(config, "contexts", contextName).map(c -> c.path("context"));
        if (selected.isEmpty()) {
            return List.of(); // a missing context is the client's one-line message (KubeClient.fromKubeconfig)
        }
        List<String> warnings = new ArrayList<>();
        String clusterName = selected.get().path("cluster").asText("");
        String userName = selected.get().path("user").asText("");
        Optional<JsonNode> cluster = named(config, "clusters", clusterName).map(c -> c.path("cluster"));
        Optional<JsonNode> user = named(config, "users", userName).map(u -> u.path("user"));
        cluster.ifPresent(c -> {
            fileMustExist(source, "cluster '" + clusterName + "'", "certificate-authority", c);
            if (c.path("insecure-skip-tls-verify").asBoolean(false)) {
                warnings.add("kubeconfig " + source + ": cluster '" + clusterName + "' skips TLS verification"
                        + " (insecure-skip-tls-verify): the API server's identity is not checked");
            }
        });
        user.ifPresent(u -> {
            String who = "user '" + userName + "'";
            fileMustExist(source, who, "tokenFile", u);
            fileMustExist(source, who, "client-certificate", u);
            fileMustExist(source, who, "client-key", u);
            JsonNode exec = u.path("exec");
            if (exec.hasNonNull("command")) {
                String command = exec.get("command").asText();
                boolean found = command.contains("/") ? Files.isExecutable(Path.of(command)) : Executables.onPath(command).isPresent();
                if (!found) {
                    String hint = exec.hasNonNull("installHint") ? " (" + exec.get("installHint").asText().strip().replaceAll("\\s+", " ") + ")" : "";
                    throw new KubeErrors.KubeconfigException("kubeconfig " + source + ": " + who + " gets its credentials by running '"
                            + command + "' (exec plugin), which is not " + (command.contains("/") ? "an executable file" : "on PATH")
                            + hint + " — install it, or use a kubeconfig with a token");
                }
            }
            boolean sendsSecret = u.hasNonNull("token") || u.hasNonNull("tokenFile") || u.hasNonNull("password") || exec.hasNonNull("command");
            String server = cluster.map(c -> c.path("server").asText("")).orElse("");
            if (sendsSecret && server.startsWith("http://")) {
                warnings.add("kubeconfig " + source + ": the credentials of " + who + " are sent over plain http:// to " + URI.create(server).getHost()
                        + " — anyone on the path can read them; use https://");
            }
        });
        return warnings;
    }

    private static void fileMustExist(String source, String who, String field, JsonNode node) {
        if (node.hasNonNull(field) && !Files.isRegularFile(Path.of(node.get(field).asText()))) {
            throw new KubeErrors.KubeconfigException("kubeconfig " + source + ": " + who + " reads " + field + " "
                    + node.get(field).asText() + ", which does not exist");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KubeErrors.KubeconfigException("kubeconfig: cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    /** The document as a mapping, or one line saying why it is not a kubeconfig. */
    private static ObjectNode document(String yaml, String source) {
        JsonNode node;
        try {
            node = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new KubeErrors.KubeconfigException("kubeconfig " + source + ": not YAML" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("").strip() + " — is it the right file?");
        }
        if (node == null || !node.isObject()) {
            String shape = node == null ? "empty" : node.isArray() ? "a YAML list" : "a single value";
            throw new KubeErrors.KubeconfigException("kubeconfig " + source + ": " + shape + ", not a kubeconfig"
                    + " — expected a mapping with clusters, contexts and users (kind: Config)");
        }
        for (String list : NAMED_LISTS) {
            if (node.has(list) && !node.get(list).isNull() && !node.get(list).isArray()) {
                throw new KubeErrors.KubeconfigException("kubeconfig " + source + ": '" + list + "' is not a list"
                        + " — expected a list of entries with a name");
            }
        }
        return (ObjectNode) node;
    }

    private static Optional<JsonNode> named(JsonNode config, String list, String name) {
        for (JsonNode entry : config.path(list)) {
            if (name.equals(entry.path("name").asText(null))) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** kubectl's merge: the first file to set a value keeps it; named entries are merged by name, first one winning. */
    private static void mergeInto(ObjectNode merged, ObjectNode next) {
        next.fields().forEachRemaining(field -> {
            String key = field.getKey();
            if (NAMED_LISTS.contains(key)) {
                ArrayNode target = merged.has(key) && merged.get(key).isArray() ? (ArrayNode) merged.get(key) : merged.putArray(key);
                Set<String> names = new HashSet<>();
                target.forEach(e -> names.add(e.path("name").asText()));
                field.getValue().forEach(e -> {
                    if (names.add(e.path("name").asText())) {
                        target.add(e);
                    }
                });
            } else if (!merged.hasNonNull(key) || (key.equals("current-context") && merged.get(key).asText().isEmpty())) {
                merged.set(key, field.getValue());
            }
        });
    }
}
