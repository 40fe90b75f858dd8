package com.bffaccounting.gate.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The manifests {@code helm template} produced, parsed, each with the template file it came from. */
public final class RenderedChart {
    private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (.+)$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public record Manifest(String source, JsonNode body) {
        public String kind() {
            return body.path("kind").asText();
        }

        public String name() {
            return body.path("metadata").path("name").asText();
        }
    }

    private final List<Manifest> manifests;

    private RenderedChart(List<Manifest> manifests) {
        this.manifests = manifests;
    }

    public static RenderedChart parse(String multiDocumentYaml) {
        List<Manifest> manifests = new ArrayList<>();
        for (String document : multiDocumentYaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            Matcher m = SOURCE.matcher(document);
            String source = m.find() ? m.group(1).trim() : "(unknown template)";
            try (YAMLParser parser = new YAMLFactory().createParser(document)) {
                JsonNode node = YAML.readTree(parser);
                if (node != null && !node.isNull() && node.has("kind")) {
                    manifests.add(new Manifest(source, node));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(source + " did not render to valid YAML: " + e.getMessage(), e);
            }
        }
        return new RenderedChart(List.copyOf(manifests));
    }

    public List<Manifest> manifests() {
        return manifests;
    }

    public Optional<Manifest> first(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).findFirst();
    }
}
