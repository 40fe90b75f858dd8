package com.bffaccounting.gate.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * How the Allure command line's JVM is started. A generation is a two-second JVM that spends most of it
 * loading Allure's classes: the JIT's first tier and the serial collector start it fastest, and from the
 * second generation on it maps those classes from a class-data archive (AppCDS) that the first one wrote
 * (2.3-2.8 s → 1.5-1.7 s here). An archive belongs to one Java runtime and one Allure install and is named
 * after both; Allure is started on this JVM's own runtime so that the archive fits it. A user's
 * {@code JAVA_OPTS} is left as it is, without the archive.
 */
final class AllureJava {
    private static final String FAST_START = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final Path archive;
    private final Path archiveBeingWritten;

    private AllureJava(Path archive) {
        this.archive = archive;
        this.archiveBeingWritten = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    }

    /** @param allure the command line, {@code <install>/bin/allure} */
    static AllureJava forCommandLine(Path allure) {
        Path install = allure.toAbsolutePath().getParent().getParent();
        String runtime = System.getProperty("java.home") + " " + System.getProperty("java.vm.version");
        return new AllureJava(install.resolveSibling(install.getFileName() + ".java" + Runtime.version().feature() + "-"
                + Integer.toHexString(runtime.hashCode()) + ".jsa"));
    }

    Path archive() {
        return archive;
    }

    /** Sets the child's Java runtime and options: the archive is used when there is one, and written when there is not. */
    void configure(Map<String, String> environment) {
        if (environment.containsKey("JAVA_OPTS")) {
            return;
        }
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        // -Xlog:cds*=off: writing an archive warns about every class it cannot keep (old class-file versions), harmlessly
        String classData = Files.isRegularFile(archive)
                ? "-XX:SharedArchiveFile=" + archive
                : "-XX:ArchiveClassesAtExit=" + archiveBeingWritten + " -Xlog:cds*=off";
        environment.put("JAVA_OPTS", FAST_START + " " + classData);
    }

    /**
     * After a successful generation: an archive written by it becomes the archive, whole or not at all (two
     * builds writing at once each write their own file; the last move wins, and either is a whole archive).
     */
    void keepWrittenArchive() throws IOException {
        if (Files.isRegularFile(archiveBeingWritten)) {
            Files.move(archiveBeingWritten, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** A failed generation's archive is not trusted. */
    void discardWrittenArchive() throws IOException {
        Files.deleteIfExists(archiveBeingWritten);
    }
}
