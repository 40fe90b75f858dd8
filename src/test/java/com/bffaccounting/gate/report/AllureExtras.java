package com.bffaccounting.gate.report;

import com.bffaccounting.gate.evidence.Redactor;
import com.bffaccounting.gate.outcome.CheckStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of the Allure results that are about the run, not a scenario: the environment widget
 * (env, context, image, chart and Helm versions), the defect categories (P1 apart, infrastructure apart
 * from product failures), and the executor from CI variables.
 */
public final class AllureExtras {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AllureExtras() {
    }

    public static void write(Path resultsDir, Verdict verdict, Map<String, String> facts, Redactor redactor) throws IOException {
        Files.createDirectories(resultsDir);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("verdict", verdict.overall().name());
        environment.put("env", value(verdict.run().env()));
        if (verdict.simulation()) {
            environment.put("NOTICE", "simulated pilot (SimBff) — not a release verdict");
        }
        environment.put("release.tag", value(verdict.run().releaseTag()));
        environment.put("image", value(verdict.run().image()));
        environment.put("image.digest", value(verdict.run().imageDigest()));
        environment.put("kube.context", value(verdict.run().kubeContext()));
        environment.put("chart.version", value(verdict.run().chartVersion()));
        environment.put("helm.version", value(verdict.run().helmVersion()));
        environment.put("bff", value(verdict.run().bff()));
        facts.forEach((k, v) -> environment.putIfAbsent(k, v));
        StringBuilder props = new StringBuilder();
        environment.forEach((k, v) -> props.append(k).append(" = ").append(escape(redactor.redact(v).replace("\n", " "))).append('\n'));
        Files.writeString(resultsDir.resolve("environment.properties"), props.toString(), StandardCharsets.UTF_8);

        Files.writeString(resultsDir.resolve("categories.json"), categoriesJson(), StandardCharsets.UTF_8);
        writeExecutor(resultsDir);
    }

    /**
     * One Allure category per non-passing {@link CheckStatus}, matched on the outcome line the
     * {@link AllureOutcomeListener} writes as the trace — by type, never by a message's wording.
     */
    static String categoriesJson() {
        ArrayNode categories = JSON.createArrayNode();
        for (CheckStatus status : CheckStatus.values()) {
            if (status.allureCategory() == null) {
                continue;
            }
            ObjectNode category = categories.addObject();
            category.put("name", status.allureCategory());
            category.put("traceRegex", "(?s)" + status.traceLine() + "(\\n.*)?"); // trace lines are plain words: no quoting needed
            category.putArray("matchedStatuses").add(status.allureStatus());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(categories);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills executor.json from GitHub Actions variables when they are present. */
    private static void writeExecutor(Path resultsDir) throws IOException {
        String server = System.getenv("GITHUB_SERVER_URL");
        String repo = System.getenv("GITHUB_REPOSITORY");
        String runId = System.getenv("GITHUB_RUN_ID");
        if (server == null || repo == null || runId == null) {
            return;
        }
        String url = server + "/" + repo + "/actions/runs/" + runId;
        String json = "{\"name\":\"GitHub Actions\",\"type\":\"github\",\"url\":\"" + url + "\","
                + "\"buildOrder\":" + quoteOrNull(System.getenv("GITHUB_RUN_NUMBER")) + ","
                + "\"buildName\":" + quoteOrNull(System.getenv("GITHUB_WORKFLOW") + " #" + System.getenv("GITHUB_RUN_NUMBER")) + ","
                + "\"buildUrl\":\"" + url + "\",\"reportName\":\"bff-accounting release gate\"}";
        Files.writeString(resultsDir.resolve("executor.json"), json, StandardCharsets.UTF_8);
    }

    /** Allure reads environment.properties as ISO-8859-1: everything else goes as \\uXXXX, as Properties.store does. */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String quoteOrNull(String value) {
        return value == null ? "null" : "\"" + value.replace("\"", "'") + "\"";
    }

    private static String value(String v) {
        return v == null ? "-" : v;
    }

}
