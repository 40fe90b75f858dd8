package com.bffaccounting.gate.report;

import com.bffaccounting.gate.io.Executables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Looks at {@code reports/verdict.html} as a stakeholder would, on a laptop screen (1366×768) in a real
 * headless Chromium: the decision and, in sim, the simulation banner are on the first screen without
 * scrolling, and every checklist line is on the page. The screenshot is kept in target/.
 */
class VerdictPageInBrowserIT {
    private static final Path PAGE = Path.of("reports/verdict.html");
    /** The decision box's colour per verdict (VerdictPage's CSS), and the simulation banner's. */
    private static final Map<String, Integer> DECISION_RGB = Map.of("PASS", 0x1f8a4c, "FAIL", 0xc62828, "INCOMPLETE", 0xb26a00);
    private static final int BANNER_RGB = 0x5b3cc4;

    @Test
    void theDecisionIsOnTheFirstScreenAndEveryLineIsOnThePage() throws Exception {
        Optional<Path> chromium = Executables.onPath("chromium");
        if (chromium.isEmpty() && Boolean.getBoolean("chromium.required")) {
            throw new AssertionError("chromium is not on PATH but chromium.required=true — apt-get install chromium");
        }
        assumeTrue(chromium.isPresent(), "no chromium on PATH (apt-get install chromium): the verdict page is not looked at");
        assertThat(PAGE).as("verdict.html of this run").exists();
        JsonNode verdict = new ObjectMapper().readTree(Path.of("reports/verdict.json").toFile());
        String url = PAGE.toAbsolutePath().toUri().toString();

        String dom = ReportInBrowserIT.run(chromium.get(), "--dump-dom", url);
        String text = dom.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertThat(text).contains("릴리스 판정 — Release decision").contains(verdict.path("overall").asText());
        for (JsonNode check : verdict.path("checklist")) {
            assertThat(dom).as("row of " + check.path("id").asText()).contains("id=\"row-" + check.path("id").asText() + "\"");
        }
        assertThat(dom.contains("id=\"sim-banner\"")).isEqualTo(verdict.path("simulation").asBoolean());

        Path shot = Path.of("target/verdict-page-1366x768.png").toAbsolutePath();
        ReportInBrowserIT.run(chromium.get(), "--window-size=1366,768", "--screenshot=" + shot, url);
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1366);
        assertThat(image.getHeight()).isEqualTo(768);
        int decisionColour = DECISION_RGB.get(verdict.path("overall").asText());
        assertThat(pixels(image, decisionColour)).as("pixels of the " + verdict.path("overall").asText()
                + " box on the first screen").isGreaterThan(10_000);
        if (verdict.path("simulation").asBoolean()) {
            assertThat(pixels(image, BANNER_RGB)).as("pixels of the simulation banner on the first screen").isGreaterThan(10_000);
        }
    }

    private static long pixels(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
