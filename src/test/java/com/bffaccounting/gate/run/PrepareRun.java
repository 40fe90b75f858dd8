package com.bffaccounting.gate.run;

import com.bffaccounting.gate.report.VerdictAttestation;

import com.bffaccounting.gate.config.ConfigException;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.io.Trees;
import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.sut.Preflight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs before the checklist ({@code pre-integration-test}): validates every setting — a bad one prints
 * one line and stops the build before any scenario runs — and prepares {@code reports/}: fresh
 * results, with the previous report's history carried over so Allure's trend has more than one point.
 */
public final class PrepareRun {
    private PrepareRun() {
    }

    public static void main(String[] args) {
        Optional<String> skipped = SkippedChecklist.by(System.getProperties());
        if (skipped.isPresent()) {
            System.out.println(SkippedChecklist.line(skipped.get()));
            return;
        }
        Settings settings;
        try {
            settings = Settings.load();
        } catch (ConfigException e) {
            stop(e);
            return;
        }
        System.out.println("[release-gate] " + settings.summaryLine());
        try {
            // first: a second run on the same directory stops here, before it sends anything anywhere
            ReportDirLock lock = ReportDirLock.acquire(settings.reportDir);
            // held for the build's life (the checklist's JVM, a child, joins it; the gate checks it); the OS lets
            // go of it when Maven ends in any way, and this removes its file when Maven ends normally
            Runtime.getRuntime().addShutdownHook(new Thread(lock::close, "release-gate report.dir lock"));
            Preflight.check(settings);
            prepareReports(settings.reportDir);
        } catch (ConfigException e) {
            stop(e);
            return;
        }
        settings.literalSecretWarnings().forEach(w -> System.err.println("[release-gate] warning: " + w));
        if (args.length > 0) {
            forgetEarlierSummaries(Path.of(args[0]));
        }
    }

    /** exec:java runs inside Maven: exiting here gives one line and exit 2 instead of Maven's multi-line failure report. */
    private static void stop(ConfigException e) {
        e.getMessage().lines().forEach(line -> System.err.println("[release-gate] setting error: " + line));
        System.err.flush();
        System.exit(2);
    }

    static void prepareReports(Path reportDir) {
        Path results = reportDir.resolve("allure-results");
        Path history = reportDir.resolve("allure-report").resolve("history");
        try {
            Trees.delete(results);
            Files.createDirectories(results);
            // an earlier run's decision must never be read as this one's: this run writes its own, or says it has none
            Files.deleteIfExists(reportDir.resolve("verdict.json"));
            Files.deleteIfExists(reportDir.resolve("verdict.html"));
            Files.deleteIfExists(reportDir.resolve(VerdictAttestation.FILE));
            if (Files.isDirectory(history)) {
                Trees.copy(history, results.resolve("history"));
            }
        } catch (IOException e) {
            throw new ConfigException("report.dir: cannot prepare " + reportDir.toAbsolutePath() + " (" + Causes.describe(e) + ")");
        }
    }

    /** Failsafe merges into an existing summary file; a new run must not inherit the last one's failures. */
    static void forgetEarlierSummaries(Path failsafeReports) {
        if (!Files.isDirectory(failsafeReports)) {
            return;
        }
        try (Stream<Path> files = Files.list(failsafeReports)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith("summary.xml")) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset " + failsafeReports, e);
        }
    }
}
