package com.bffaccounting.gate.run;

import com.bffaccounting.gate.io.Trees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * After the checklist: the Allure report for people, one self-contained
 * file named after the verdict ("bff-accounting release gate — FAIL (env=sim)"), so the overview shows
 * the decision above the fold. Single-file mode writes no history directory, but embeds the history files
 * in the page ({@code d('history/history.json','<base64>')}); they are taken from there and kept in
 * reports/ for the next run's trend. Should a later Allure embed them otherwise, a full report is generated
 * into target/ for its history, as before. Allure runs as a short-lived JVM started for speed ({@link AllureJava}).
 *
 * <p>Run by {@link GateCheck} before it decides, with the settings it has read.
 */
final class GenerateReport {
    private static final Pattern EMBEDDED_HISTORY = Pattern.compile("d\\('history/([\\w.-]+\\.json)','([A-Za-z0-9+/=]*)'\\)");

    private GenerateReport() {
    }

    /**
     * @param reportDir the run's reports/ (its allure-results, verdict.json)
     * @param allure    the Allure command line
     * @param build     target/, for a full report should the single file embed no history
     */
    static void generate(Path reportDir, Path allure, Path build) throws IOException, InterruptedException {
        Path results = reportDir.resolve("allure-results");
        if (!Files.isDirectory(results)) {
            System.err.println("[release-gate] no Allure results in " + results + ": the checklist did not run");
            return;
        }
        String name = "bff-accounting release gate — " + verdictWords(reportDir.resolve("verdict.json"));
        Path report = reportDir.resolve("allure-report");
        generate(allure, results, report, name, true);
        Map<String, byte[]> history = embeddedHistory(Files.readString(report.resolve("index.html")));
        if (!history.isEmpty()) {
            Files.createDirectories(report.resolve("history"));
            for (Map.Entry<String, byte[]> file : history.entrySet()) {
                Files.write(report.resolve("history").resolve(file.getKey()), file.getValue());
            }
            return;
        }
        Path full = build.resolve("allure-full-report");
        generate(allure, results, full, name, false);
        keepHistory(full.resolve("history"), report.resolve("history"));
    }

    /** The history files embedded in a single-file Allure report, by file name; empty when there are none. */
    static Map<String, byte[]> embeddedHistory(String indexHtml) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Matcher m = EMBEDDED_HISTORY.matcher(indexHtml);
        while (m.find()) {
            files.put(m.group(1), Base64.getDecoder().decode(m.group(2)));
        }
        return files;
    }

    /** "FAIL (env=sim, r7-h-pilot-20251203)" from verdict.json, or a plain word when there is none. */
    static String verdictWords(Path verdictFile) {
        try {
            JsonNode verdict = new ObjectMapper().readTree(verdictFile.toFile());
            return verdict.path("overall").asText("?") + " (env=" + verdict.path("run").path("env").asText("?") + ", "
                    + verdict.path("run").path("releaseTag").asText("?") + (verdict.path("simulation").asBoolean() ? ", SIMULATION" : "") + ")";
        } catch (IOException e) {
            return "no verdict";
        }
    }

    private static void generate(Path allure, Path results, Path output, String name, boolean singleFile)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(allure.toString(), "generate", results.toString(), "--output",
                output.toString(), "--clean", "--name", name));
        if (singleFile) {
            command.add("--single-file");
        }
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // only a process environment variable keeps Allure's analytics script out of the report
        builder.environment().put("ALLURE_NO_ANALYTICS", "true");
        AllureJava java = AllureJava.forCommandLine(allure);
        java.configure(builder.environment());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            java.discardWrittenArchive();
            throw new IllegalStateException("allure generate " + output + " failed");
        }
        java.keepWrittenArchive();
    }

    private static void keepHistory(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            System.err.println("[release-gate] no Allure history at " + from + ": the report's trend will restart");
            return;
        }
        Trees.copy(from, to);
    }
}
