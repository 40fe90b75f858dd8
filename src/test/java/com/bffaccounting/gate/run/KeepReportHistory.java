package com.bffaccounting.gate.run;

import com.bffaccounting.gate.config.ConfigException;
import com.bffaccounting.gate.config.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * After the report is generated ({@code post-integration-test}): keeps the run's Allure history in
 * {@code reports/allure-report/history}, where {@link PrepareRun} picks it up next time, so the trend
 * widget grows by one point per run.
 */
public final class KeepReportHistory {
    private KeepReportHistory() {
    }

    public static void main(String[] args) throws IOException {
        Path reportDir;
        try {
            reportDir = Settings.load().reportDir;
        } catch (ConfigException e) {
            return; // PrepareRun has already reported it and stopped the run
        }
        Path from = Path.of(args[0]);
        if (!Files.isDirectory(from)) {
            System.err.println("[release-gate] no Allure history at " + from + ": the report's trend will restart");
            return;
        }
        Path to = reportDir.resolve("allure-report").resolve("history");
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
