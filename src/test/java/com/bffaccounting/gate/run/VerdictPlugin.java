package com.bffaccounting.gate.run;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.config.ConfigException;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.evidence.Redactor;
import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.report.AllureExtras;
import com.bffaccounting.gate.report.AllureOutcomeListener;
import com.bffaccounting.gate.report.Baseline;
import com.bffaccounting.gate.report.ConsoleSummary;
import com.bffaccounting.gate.report.ScenarioOutcome;
import com.bffaccounting.gate.report.Verdict;
import com.bffaccounting.gate.report.VerdictAttestation;
import com.bffaccounting.gate.report.VerdictBuilder;
import com.bffaccounting.gate.report.VerdictPage;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cucumber plugin that writes {@code reports/verdict.json}, the Allure environment and categories, and
 * prints the console summary at the end of every run. Secrets are masked on the way out.
 *
 * <p>The report directory is the run's ({@link ReportDirLock}): joined when the Maven build that started
 * this JVM holds it, taken for the run's life when this JVM runs alone (an IDE, a self-test). The verdict
 * carries the run's id; a directory another run holds gets no verdict from this one.
 */
public final class VerdictPlugin implements ConcurrentEventListener {
    private final List<ScenarioOutcome> outcomes = new ArrayList<>();
    private Instant start = Instant.now();
    private ReportDirLock reportDirLock;
    private Redactor progressRedactor = new Redactor(List.of());
    private Thread interrupted;
    private boolean finished;

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, this::onRunStarted);
        publisher.registerHandlerFor(TestCaseFinished.class, this::onScenario);
        publisher.registerHandlerFor(TestRunFinished.class, this::onRunFinished);
    }

    private synchronized void onRunStarted(TestRunStarted event) {
        start = event.getInstant();
        GateRun run = GateRun.start();
        progressRedactor = run.redactor();
        Settings settings = run.settings();
        Path reports = settings == null ? Path.of("reports") : settings.reportDir;
        try {
            reportDirLock = ReportDirLock.acquire(reports);
        } catch (ConfigException e) {
            System.err.println("[release-gate] " + e.getMessage() + " (this run writes no verdict there)");
            return;
        }
        // a run stopped before its end (Ctrl-C, a SIGTERM, Maven gone) says so where the decision is read
        Path page = reports.resolve("verdict.html");
        interrupted = new Thread(() -> writeInterruptedPage(page), "release-gate interrupted verdict");
        Runtime.getRuntime().addShutdownHook(interrupted);
    }

    private synchronized void writeInterruptedPage(Path page) {
        if (finished) {
            return;
        }
        try {
            Files.writeString(page, VerdictPage.unfinished("this run was interrupted after " + outcomes.size()
                    + " check(s): there is no verdict, and no earlier one stands for it"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the JVM is going: what could be said is said on the console by the gate
        }
    }

    private synchronized void onScenario(TestCaseFinished event) {
        var testCase = event.getTestCase();
        CheckStatus status = ScenarioOutcome.statusOf(event.getResult());
        // Allure's result is still open (this plugin is registered before Allure's): it gets the same status, by label
        AllureOutcomeListener.decided(testCase.getId().toString(), status);
        ScenarioOutcome outcome = new ScenarioOutcome(testCase.getName(), Path.of("").toAbsolutePath().relativize(
                Path.of(testCase.getUri())).toString(), testCase.getLocation().getLine(), testCase.getTags(),
                status, ScenarioOutcome.messageOf(event.getResult()), ObservationLedger.take(testCase.getId().toString()));
        outcomes.add(outcome);
        // progress while the checklist runs (a cluster run can take minutes): one line per check as it ends
        System.out.println(progressRedactor.redact(ConsoleSummary.progressLine(outcome, event.getResult().getDuration())));
    }

    private synchronized void onRunFinished(TestRunFinished event) {
        finished = true;
        if (interrupted != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException e) {
                // already exiting
            }
        }
        // the run scope has closed by now (Cucumber's AfterAll comes first); it left what the verdict needs
        AllureOutcomeListener.forgetUntaken();
        Optional<GateRun.Finished> run = GateRun.lastFinished();
        run.ifPresent(finished -> finished.judgements().forEach(judgement -> outcomes.add(RunEndResult.record(judgement))));
        if (reportDirLock == null) {
            return; // another run holds the directory: said at the start
        }
        Map<String, String> facts = new HashMap<>(run.map(GateRun.Finished::facts).orElse(Map.of()));
        facts.put(VerdictBuilder.RUN_ID, reportDirLock.holder().runId());
        // a run whose settings were invalid has none; so has a run in which no scenario started the run scope
        Optional<Settings> settings = run.isPresent() ? run.get().settings() : settings();
        Verdict verdict = new VerdictBuilder(ChecklistCatalog.load()).build(outcomes, facts, start, event.getInstant(),
                settings.flatMap(VerdictPlugin::comparison));
        // without settings, shape-based masking still applies
        Redactor redactor = settings.map(Settings::redactor).orElseGet(() -> new Redactor(List.of()));
        Path reportDir = settings.map(s -> s.reportDir).orElse(Path.of("reports"));
        try {
            Files.createDirectories(reportDir);
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Files.writeString(reportDir.resolve("verdict.json"), redactor.redact(json.writeValueAsString(verdict)),
                    StandardCharsets.UTF_8);
            // the same verdict as a statement about the image, for CI to sign (actions/attest) and a promotion to verify
            VerdictAttestation.Result attestation = VerdictAttestation.of(verdict, facts);
            Path statement = reportDir.resolve(VerdictAttestation.FILE);
            if (attestation.statement().isPresent()) {
                Files.writeString(statement, redactor.redact(json.writeValueAsString(attestation.statement().get())), StandardCharsets.UTF_8);
            } else {
                Files.deleteIfExists(statement);
                System.out.println("[release-gate] " + attestation.why());
            }
            AllureExtras.write(Path.of(System.getProperty("allure.results.directory",
                    reportDir.resolve("allure-results").toString())), verdict, facts, redactor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the verdict to " + reportDir, e);
        } finally {
            reportDirLock.close();
        }
        System.out.println(redactor.redact(ConsoleSummary.render(verdict)));
    }

    private static Optional<Settings> settings() {
        try {
            return Optional.of(Settings.load());
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }

    /** The run's baseline verdict to compare with, when one is configured and readable (Settings has validated it). */
    private static Optional<VerdictBuilder.Comparison> comparison(Settings settings) {
        try {
            return settings.gate.baseline().map(Baseline::read)
                    .map(baseline -> new VerdictBuilder.Comparison(baseline, settings.gate.driftThreshold()));
        } catch (RuntimeException e) {
            System.err.println("[release-gate] " + e.getMessage() + " (this verdict is compared with nothing)");
            return Optional.empty();
        }
    }
}
