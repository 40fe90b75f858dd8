package com.bffaccounting.gate.run;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateReportTest {
    private static String embed(String name, String json) {
        return "d('" + name + "','" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)) + "');";
    }

    @Test
    void theHistoryFilesAreTakenFromTheSingleFileReport() {
        String page = "<script>function d(name, value){ … }" + embed("data/categories.csv", "x") + embed("history/history.json", "{}")
                + embed("history/history-trend.json", "[{\"data\":{\"passed\":27}}]") + embed("widgets/history-trend.json", "[]") + "</script>";
        var history = GenerateReport.embeddedHistory(page);
        assertThat(history).containsOnlyKeys("history.json", "history-trend.json");
        assertThat(new String(history.get("history-trend.json"), StandardCharsets.UTF_8)).isEqualTo("[{\"data\":{\"passed\":27}}]");
    }

    @Test
    void aPageWithoutEmbeddedHistoryGivesNone() {
        assertThat(GenerateReport.embeddedHistory("<html>" + embed("data/categories.csv", "x") + "</html>")).isEmpty();
    }
}
