package com.bffaccounting.gate.selftest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret planted as a probe header (and as the database password) must appear nowhere the run
 * writes under target/: verdict.json, Allure results and attachments, JUnit XML — even when checks fail and the HTTP
 * exchanges are attached as evidence.
 */
class SecretLeakTest {

    @Test
    void plantedSecretsReachNoReportOrAttachment() throws IOException {
        String apiKey = "S3CR3T-" + UUID.randomUUID();
        String tokenFromFile = "tok-" + UUID.randomUUID();
        Path reports = Path.of("target/secret-leak-test/reports");
        Path tokenFile = Files.createTempFile("probe-token", ".txt");
        Files.writeString(tokenFile, tokenFromFile + "\n");
        tokenFile.toFile().deleteOnExit();
        FeatureRun run = FeatureRun.runWithReports("secret-leak", Map.of("env", "sim", "sim.faults", "gating-off",
                "deploy", "false", "rollback", "false",
                "gating.probeHeaders", "X-User-Role=operator,X-User-Id=pilot-user,X-Api-Key=" + apiKey
                        + ",X-Probe-Token=${file:" + tokenFile + "}",
                "report.dir", reports.toString()), reports.resolve("allure-results"));
        assertThat(run.failedIds()).contains("C11.2"); // failing, so the HTTP exchanges were attached
        List<Path> written;
        // everything under target/, not only this run's reports: a secret must reach no file at all
        try (Stream<Path> files = Files.walk(Path.of("target"))) {
            written = files.filter(Files::isRegularFile).toList();
        }
        // this run's own results hold its attachments (the HTTP exchanges), so the scan below has read them
        assertThat(written).anyMatch(p -> p.startsWith(reports.resolve("allure-results"))
                && (p.toString().endsWith("-attachment.txt") || p.toString().endsWith("-attachment")));
        assertThat(written).anyMatch(p -> p.getFileName().toString().equals("verdict.json"));
        for (Path file : written) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            assertThat(text).as(file.toString()).doesNotContain(apiKey).doesNotContain(tokenFromFile);
        }
        // people read messages, not Java frames: no result (NOT_RUN, INCONCLUSIVE or FAIL) carries one
        try (Stream<Path> results = Files.list(reports.resolve("allure-results"))) {
            for (Path result : results.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                assertThat(Files.readString(result)).as(result.toString()).doesNotContain("\\tat ").doesNotContain("\tat ");
            }
        }
        assertThat(written.stream().map(p -> {
            try {
                return Files.readString(p, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                return "";
            }
        })).anyMatch(t -> t.contains("X-Api-Key: ***"));
    }
}
