package com.bffaccounting.gate.selftest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failure evidence survives a part that cannot be read: with events forbidden (as to an RBAC-limited
 * account) a crash-looping rollout still fails C6.1 for its crash loop, and its attachments name the
 * forbidden events with their {@code kubectl auth can-i} line and still carry the pods and their log tails.
 */
class EvidenceSurvivesTest {

    @Test
    void aForbiddenPartIsNamedAndTheRestIsAttached() throws IOException {
        Path reports = Path.of("target/evidence-survives-test/reports");
        FeatureRun run = FeatureRun.runWithReports("evidence-survives", Map.of("env", "sim", "sim.faults", "crash-loop,forbid-events",
                "report.dir", reports.toString()), reports.resolve("allure-results"), "@C6.1 or @C6.2");
        assertThat(run.failedIds()).as(run.describe()).contains("C6.1");
        List<String> attachments;
        try (Stream<Path> files = Files.list(reports.resolve("allure-results"))) {
            attachments = files.filter(p -> p.getFileName().toString().contains("-attachment")).map(EvidenceSurvivesTest::read).toList();
        }
        assertThat(attachments).anySatisfy(a -> assertThat(a).startsWith("events could not be read: forbidden to"
                + " list events in namespace accounting").contains("kubectl auth can-i list events -n accounting"));
        assertThat(attachments).anySatisfy(a -> assertThat(a).contains("CrashLoopBackOff")); // kubectl get pods
        assertThat(attachments).anySatisfy(a -> assertThat(a).startsWith("== bff-accounting-")); // the log tails
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
