package com.bffaccounting.gate.run;

import com.bffaccounting.gate.config.ConfigException;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.outcome.Decision;
import com.bffaccounting.gate.report.JobSummary;
import com.bffaccounting.gate.report.Verdict;
import com.bffaccounting.gate.report.VerdictPage;
import com.bffaccounting.gate.report.VerdictSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * After the checklist ({@code verify} phase): the Allure report for people ({@link GenerateReport}), then
 * the gate itself — reads {@code reports/verdict.json} and fails the build on FAIL or P1, and on
 * INCOMPLETE when {@code gate.failOnIncomplete} is set (the default for env=cluster). One line says why.
 * One program, so that the settings are read once after the run, not once per step.
 *
 * <p>Arguments: the Allure command line, and target/ (without them, no report is generated).
 */
public final class GateCheck {
    private GateCheck() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (SkippedChecklist.by(System.getProperties()).isPresent()) {
            return; // PrepareRun said so, in the one line the build prints for it
        }
        Settings settings;
        try {
            settings = Settings.load();
        } catch (ConfigException e) {
            System.err.println("[release-gate] setting error: " + e.getMessage().lines().findFirst().orElse(""));
            System.exit(2);
            return;
        }
        String reportProblem = null;
        if (args.length >= 2) {
            try {
                GenerateReport.generate(settings.reportDir, Path.of(args[0]), Path.of(args[1]));
            } catch (IOException | IllegalStateException e) {
                // the verdict stands without its Allure view; the build still fails, after the verdict is told
                reportProblem = "the Allure report could not be generated: " + e.getMessage();
            }
        }
        Path verdictFile = settings.reportDir.resolve("verdict.json");
        if (!Files.exists(verdictFile)) {
            String why = "no " + verdictFile + ": the checklist did not run to the end, so there is no verdict";
            Files.writeString(settings.reportDir.resolve("verdict.html"), VerdictPage.unfinished(why), StandardCharsets.UTF_8);
            fail(why);
            return;
        }
        JsonNode verdict = new ObjectMapper().readTree(verdictFile.toFile());
        List<String> violations = VerdictSchema.violations(verdict);
        if (!violations.isEmpty()) {
            fail(verdictFile + " does not match verdict.schema.json: " + String.join("; ", violations));
            return;
        }
        String notOurs = notThisRunsVerdict(settings.reportDir, verdict);
        if (notOurs != null) {
            fail(notOurs);
            return;
        }
        Verdict typed = new ObjectMapper().treeToValue(verdict, Verdict.class);
        publish(settings, typed);
        Optional<String> shut = decide(typed, settings.gate.failOnIncomplete());
        if (shut.isPresent()) {
            fail(shut.get());
        } else {
            System.out.println("[release-gate] " + typed.overall() + " (" + verdictFile + ")");
        }
        if (reportProblem != null) {
            fail(reportProblem);
        }
    }

    /**
     * The same verdict where each reader looks: reports/verdict.html for stakeholders, and on GitHub
     * Actions the job summary and an annotation per failed line. Secrets were masked when verdict.json
     * was written, and so was the comparison with the baseline.
     */
    static void publish(Settings settings, Verdict verdict) throws IOException {
        Path page = settings.reportDir.resolve("verdict.html");
        Files.writeString(page, VerdictPage.render(verdict), StandardCharsets.UTF_8);
        System.out.println("[release-gate] " + page.toAbsolutePath().toUri());
        String summaryFile = System.getenv("GITHUB_STEP_SUMMARY");
        if (summaryFile != null && !summaryFile.isBlank()) {
            Files.writeString(Path.of(summaryFile), JobSummary.markdown(verdict), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        if ("true".equals(System.getenv("GITHUB_ACTIONS"))) {
            JobSummary.annotations(verdict).forEach(System.out::println);
        }
    }

    /**
     * Null when verdict.json was written by the run this build holds {@code report.dir} for; otherwise why
     * the gate will not read it. Another run's verdict is never this build's decision.
     */
    static String notThisRunsVerdict(Path reportDir, JsonNode verdict) {
        Optional<ReportDirLock.Holder> holder = ReportDirLock.holderOf(reportDir);
        if (holder.isEmpty() || holder.get().pid() != ProcessHandle.current().pid()) {
            return "this build does not hold " + reportDir + holder.map(h -> " (" + h.words() + " does)").orElse("")
                    + ", so its verdict.json is not this build's: run the whole build (./mvnw verify), not the gate alone";
        }
        String written = verdict.path("run").path("id").asText("");
        if (!written.equals(holder.get().runId())) {
            return reportDir.resolve("verdict.json") + " was written by run " + (written.isEmpty() ? "(none named)" : written)
                    + ", not by this build's run " + holder.get().runId() + ": no verdict of this run to decide on";
        }
        return null;
    }

    /** Empty when the gate opens; otherwise the one-line reason it stays shut ({@link Decision#failsTheGate}). */
    static Optional<String> decide(Verdict verdict, boolean failOnIncomplete) {
        if (verdict.run().error() != null) {
            // Nothing was judged: whatever the env, that is no reason to open the gate.
            return Optional.of("the run could not be set up: " + verdict.run().error());
        }
        Decision decision = verdict.overall();
        if (!decision.failsTheGate(failOnIncomplete)) {
            return Optional.empty();
        }
        String blamed = verdict.checklist().stream().filter(c -> decision.blames(c.status()))
                .map(c -> c.id() + " " + c.status()).collect(Collectors.joining(", "));
        if (blamed.length() > 300) {
            blamed = blamed.substring(0, blamed.lastIndexOf(", ", 300)) + ", …";
        }
        return Optional.of(decision + (decision == Decision.INCOMPLETE ? " and gate.failOnIncomplete=true" : "") + ": " + blamed);
    }

    private static void fail(String message) {
        System.err.println("[release-gate] " + message);
        System.exit(1);
    }
}
