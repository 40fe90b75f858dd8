package com.bffaccounting.gate.run;

import com.bffaccounting.gate.report.VerdictPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** No earlier run's decision is ever shown as this run's. */
class PrepareRunTest {
    @TempDir
    Path reports;

    @Test
    void aNewRunRemovesTheLastRunsVerdictAndItsPage() throws Exception {
        Files.writeString(reports.resolve("verdict.json"), "{\"overall\":\"FAIL\"}");
        Files.writeString(reports.resolve("verdict.html"), "<html>FAIL</html>");
        Files.createDirectories(reports.resolve("allure-report/history"));
        Files.writeString(reports.resolve("allure-report/history/history-trend.json"), "[]");
        PrepareRun.prepareReports(reports);
        assertThat(reports.resolve("verdict.json")).doesNotExist();
        assertThat(reports.resolve("verdict.html")).doesNotExist();
        assertThat(reports.resolve("allure-results/history/history-trend.json")).as("the trend carries over").exists();
    }

    @Test
    void aRunThatLeftNoVerdictHasAPageThatSaysSo() {
        assertThat(VerdictPage.unfinished("no reports/verdict.json: the checklist did not run to the end"))
                .contains("NO VERDICT").contains("this run did not finish").contains("the checklist did not run to the end");
    }
}
