package com.bffaccounting.gate.build;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What pom.xml cannot check itself. */
class ProjectBuildTest {
    @Test
    void theAllureInstallProfileLooksForTheConfiguredVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<allure.report.version>([^<]+)</allure.report.version>").matcher(pom);
        assertThat(version.find()).as("allure.report.version in pom.xml").isTrue();
        // file activation cannot interpolate properties, so the version is written out in the path
        assertThat(pom).contains("<missing>${project.basedir}/.allure/allure-" + version.group(1) + "/bin/allure</missing>");
    }
}
