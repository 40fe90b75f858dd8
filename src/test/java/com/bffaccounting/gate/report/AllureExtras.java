package com.bffaccounting.gate.report;

import com.bffaccounting.gate.evidence.Redactor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of the Allure results that are about the run, not a scenario: the environment widget
 * (env, context, image, chart and Helm versions), the defect categories (P1 apart, infrastructure apart
 * from product failures), and the executor from CI variables.
 */
final class AllureExtras {
    private AllureExtras() {
    }

    static void write(Path resultsDir, Verdict verdict, Map<String, String> facts, Redactor redactor) throws IOException {
        Files.createDirectories(resultsDir);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("verdict", verdict.overall());
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

        try (InputStream categories = AllureExtras.class.getClassLoader().getResourceAsStream("allure/categories.json")) {
            if (categories != null) {
                Files.copy(categories, resultsDir.resolve("categories.json"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        writeExecutor(resultsDir);
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
