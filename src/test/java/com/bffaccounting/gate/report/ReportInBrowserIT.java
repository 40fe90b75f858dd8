package com.bffaccounting.gate.report;

import com.bffaccounting.gate.io.Executables;
import com.bffaccounting.gate.io.Trees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Looks at the stakeholders' report as they would: {@code reports/allure-report/index.html} rendered by a
 * real headless Chromium after the checklist run ({@code verify} phase). The overview must show this
 * run's counts and, when the verdict has a P1, the P1 category. A screenshot is kept in target/.
 */
class ReportInBrowserIT {
    static final Path REPORT = Path.of("reports/allure-report/index.html");
    static String text;
    static JsonNode verdict;

    @BeforeAll
    static void render() throws Exception {
        Optional<Path> chromium = Executables.onPath("chromium");
        if (chromium.isEmpty() && Boolean.getBoolean("chromium.required")) {
            throw new AssertionError("chromium is not on PATH but chromium.required=true — apt-get install chromium");
        }
        assumeTrue(chromium.isPresent(), "no chromium on PATH (apt-get install chromium): the report is not looked at");
        assertThat(REPORT).as("the report of this run").exists();
        verdict = new ObjectMapper().readTree(Path.of("reports/verdict.json").toFile());
        String dom = run(chromium.get(), "--dump-dom", REPORT.toAbsolutePath().toUri().toString());
        text = dom.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("<[^>]+>", " ").replaceAll("&nbsp;", " ").replaceAll("\\s+", " ");
        run(chromium.get(), "--screenshot=" + Path.of("target/report-overview.png").toAbsolutePath(), REPORT.toAbsolutePath().toUri().toString());
    }

    /** Chromium as the machine's own probe starts it: headless, no sandbox (root), no background networking. */
    static String run(Path chromium, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=1400,1000", "--virtual-time-budget=15000"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("chromium did not finish within 90 s");
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Trees.delete(profile);
        }
    }

    @Test
    void overviewShowsThisRunsScenarioCount() {
        long scenarios = 0;
        Set<String> seen = new HashSet<>();
        for (JsonNode check : verdict.path("checklist")) {
            for (JsonNode scenario : check.path("scenarios")) {
                if (seen.add(scenario.path("location").asText() + scenario.path("name").asText())) {
                    scenarios++;
                }
            }
        }
        assertThat(text).contains(scenarios + " test cases");
        assertThat(text).contains("verdict " + verdict.path("overall").asText());
    }

    @Test
    void p1FindingsHaveTheirOwnCategory() {
        boolean p1 = false;
        for (JsonNode check : verdict.path("checklist")) {
            p1 |= check.path("status").asText().equals("P1");
        }
        if (p1) {
            assertThat(text).contains("P1 — ExternalSyncStale not resolved in time");
        } else {
            assertThat(text).doesNotContain("P1 — ExternalSyncStale not resolved in time");
        }
    }

    @Test
    void sectionsReadLikeTheChecklist() {
        assertThat(text).contains("배포 후 검증 — Post-deploy verification", "클러스터 연결 확인 — Step 1: cluster connectivity");
    }

    @Test
    void reportIsOneFileWithoutAnalytics() throws IOException {
        String html = Files.readString(REPORT);
        assertThat(html).doesNotContain("googletagmanager.com", "google-analytics.com");
        assertThat(Files.list(REPORT.getParent()).map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".js")).toList()).isEmpty();
    }
}
