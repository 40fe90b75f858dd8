package com.bffaccounting.gate.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Allure command line's JVM: its first generation writes a class-data archive, later ones map it, and a user's JAVA_OPTS wins. */
class AllureJavaTest {
    @TempDir
    Path dir;

    @Test
    void theFirstGenerationWritesTheArchiveAndLaterOnesUseIt() throws Exception {
        AllureJava java = AllureJava.forCommandLine(dir.resolve("allure-2.34.0/bin/allure"));
        assertThat(java.archive().getParent()).isEqualTo(dir);
        assertThat(java.archive().getFileName().toString()).startsWith("allure-2.34.0.java" + Runtime.version().feature() + "-").endsWith(".jsa");

        Map<String, String> first = new HashMap<>();
        java.configure(first);
        assertThat(first).containsEntry("JAVA_HOME", System.getProperty("java.home"));
        String written = first.get("JAVA_OPTS").replaceAll(".*-XX:ArchiveClassesAtExit=(\\S+).*", "$1");
        assertThat(Path.of(written).getParent()).isEqualTo(dir);
        assertThat(written).isNotEqualTo(java.archive().toString());

        Files.writeString(Path.of(written), "archive"); // as the JVM writes it at exit
        java.keepWrittenArchive();
        assertThat(java.archive()).hasContent("archive");
        assertThat(Path.of(written)).doesNotExist();

        Map<String, String> later = new HashMap<>();
        java.configure(later);
        assertThat(later.get("JAVA_OPTS")).contains("-XX:SharedArchiveFile=" + java.archive()).doesNotContain("ArchiveClassesAtExit");
    }

    @Test
    void aFailedGenerationsArchiveIsNotKept() throws Exception {
        AllureJava java = AllureJava.forCommandLine(dir.resolve("allure-2.34.0/bin/allure"));
        Map<String, String> environment = new HashMap<>();
        java.configure(environment);
        Path written = Path.of(environment.get("JAVA_OPTS").replaceAll(".*-XX:ArchiveClassesAtExit=(\\S+).*", "$1"));
        Files.writeString(written, "half");
        java.discardWrittenArchive();
        assertThat(written).doesNotExist();
        assertThat(java.archive()).doesNotExist();
    }

    @Test
    void aUsersJavaOptsAreLeftAlone() {
        Map<String, String> environment = new HashMap<>(Map.of("JAVA_OPTS", "-Xmx2g"));
        AllureJava.forCommandLine(dir.resolve("allure-2.34.0/bin/allure")).configure(environment);
        assertThat(environment).containsExactly(Map.entry("JAVA_OPTS", "-Xmx2g"));
    }
}
