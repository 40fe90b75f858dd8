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
    /** The background of an observation's chip (VerdictPage's CSS). */
    private static final int OBSERVED_RGB = 0xeef1f6;

    /**
     * verdict.json of the project's main job (a healthy simulated pilot, verify-only): the fault matrix's
     * baseline — nothing fails and nothing is INCONCLUSIVE — and every passing line says what it saw, with
     * the facts the checklist asks to report.
     */
    @Test
    void theHealthyRunFailsNothingAndEveryPassingLineSaysWhatItSaw() throws Exception {
        assertThat(Path.of("reports/verdict.json")).as("verdict.json of this run").exists();
        JsonNode verdict = new ObjectMapper().readTree(Path.of("reports/verdict.json").toFile());
        assertThat(verdict.path("simulation").asBoolean()).as("the project's main job runs the simulated pilot").isTrue();
        for (String status : new String[] {"FAIL", "P1", "INCONCLUSIVE"}) {
            assertThat(verdict.path("counts").path(status).asInt()).as(status + " lines of the healthy pilot").isZero();
        }
        assertThat(verdict.path("counts").path("PASS").asInt()).isPositive();
        for (JsonNode check : verdict.path("checklist")) {
            if (check.path("status").asText().equals("PASS")) {
                assertThat(check.path("observed")).as("what " + check.path("id").asText() + " saw").isNotEmpty();
            }
        }
        if (status(verdict, "C4.1").equals("PASS")) {
            assertThat(line(verdict, "C4.1").path("observed").findValuesAsText("value")).contains(verdict.path("run").path("imageDigest").asText());
        }
    }

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
        // what each passing line saw is under it: the digest, each sync source, each tenant
        for (JsonNode check : verdict.path("checklist")) {
            if (check.path("status").asText().equals("PASS")) {
                String row = row(dom, check.path("id").asText());
                assertThat(row).as("row of " + check.path("id").asText()).contains("<ul class=\"observed\">");
                // as a browser serialises text: &, < and > escaped, quotes not
                check.path("observed").forEach(o -> assertThat(row).contains(o.path("text").asText()
                        .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
            }
        }
        if (status(verdict, "C4.1").equals("PASS")) {
            assertThat(row(dom, "C4.1")).contains(verdict.path("run").path("imageDigest").asText());
        }
        if (status(verdict, "C12.1").equals("PASS")) {
            assertThat(row(dom, "C12.1")).contains("bank-sbx").contains("pg-kcp").contains("erp-douzone");
        }
        if (status(verdict, "C11.2").equals("PASS")) {
            assertThat(row(dom, "C11.2")).contains("pilot-a → 200").contains("TENANT_NOT_ENABLED");
        }

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

    /** The whole page, as tall as it is: the observations of the passed lines are in the picture. */
    @Test
    void theWholePageShowsWhatEachLineSaw() throws Exception {
        Optional<Path> chromium = Executables.onPath("chromium");
        assumeTrue(chromium.isPresent(), "no chromium on PATH (apt-get install chromium): the verdict page is not looked at");
        Path shot = Path.of("target/verdict-page-1366-full.png").toAbsolutePath();
        ReportInBrowserIT.run(chromium.get(), "--window-size=1366,2600", "--screenshot=" + shot, PAGE.toAbsolutePath().toUri().toString());
        assertThat(pixels(ImageIO.read(shot.toFile()), OBSERVED_RGB)).as("pixels of observation chips on the page").isGreaterThan(5_000);
    }

    private static String row(String dom, String id) {
        int start = dom.indexOf("id=\"row-" + id + "\"");
        assertThat(start).as("row of " + id).isNotNegative();
        return dom.substring(start, dom.indexOf("</tr>", start));
    }

    private static JsonNode line(JsonNode verdict, String id) {
        for (JsonNode check : verdict.path("checklist")) {
            if (check.path("id").asText().equals(id)) {
                return check;
            }
        }
        throw new AssertionError("verdict.json has no line " + id);
    }

    private static String status(JsonNode verdict, String id) {
        return line(verdict, id).path("status").asText();
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
