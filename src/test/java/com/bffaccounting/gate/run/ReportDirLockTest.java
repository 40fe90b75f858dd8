package com.bffaccounting.gate.run;

import com.bffaccounting.gate.config.ConfigException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One run per report directory, whatever else runs on the machine. */
class ReportDirLockTest {
    @TempDir
    Path dir;

    /** Another process that takes {@code args[0]} and holds it until its standard input closes. */
    public static final class OtherRun {
        public static void main(String[] args) throws Exception {
            try (ReportDirLock lock = ReportDirLock.acquire(Path.of(args[0]))) {
                System.out.println("holding " + lock.holder().runId());
                System.out.flush();
                System.in.read();
            }
        }
    }

    @Test
    void aSecondRunOnTheSameDirectoryStopsAtOnceNamingTheRunThatHoldsIt() throws Exception {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OtherRun.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(line).startsWith("holding ");
            String runId = line.substring("holding ".length());
            assertThatThrownBy(() -> ReportDirLock.acquire(dir)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("report.dir: " + dir.toAbsolutePath() + " is in use by run " + runId + " (pid " + other.pid() + ", started ")
                    .hasMessageContaining("-Dreport.dir=")
                    .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
        } finally {
            other.getOutputStream().close();
            other.waitFor(10, TimeUnit.SECONDS);
            other.destroyForcibly();
        }
        // its process ended: the directory is free again, and no lock file is left behind
        assertThat(dir.resolve(ReportDirLock.FILE)).doesNotExist();
        try (ReportDirLock lock = ReportDirLock.acquire(dir)) {
            assertThat(lock.owned()).isTrue();
        }
    }

    @Test
    void theProcessesOfOneRunShareItsDirectoryAndItsRunId() {
        try (ReportDirLock first = ReportDirLock.acquire(dir); ReportDirLock joined = ReportDirLock.acquire(dir)) {
            assertThat(first.owned()).isTrue();
            assertThat(joined.owned()).isFalse();
            assertThat(joined.holder()).isEqualTo(first.holder());
            assertThat(ReportDirLock.holderOf(dir)).contains(first.holder());
            assertThat(first.holder().pid()).isEqualTo(ProcessHandle.current().pid());
        }
        assertThat(dir.resolve(ReportDirLock.FILE)).doesNotExist();
    }

    @Test
    void aDirectoryThatCannotBeUsedIsOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("reports"), "not a directory");
        assertThatThrownBy(() -> ReportDirLock.acquire(file)).isInstanceOf(ConfigException.class)
                .hasMessage("report.dir: " + file + " is a file, not a directory — give a writable directory: -Dreport.dir=PATH");
        assertThatThrownBy(() -> ReportDirLock.acquire(file.resolve("below"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("report.dir: " + file.resolve("below") + " cannot be written (")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception"));
        assertThatThrownBy(() -> ReportDirLock.acquire(dir.resolve("full"), Long.MAX_VALUE)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("is on a disk with").hasMessageContaining("MB free; a run's report needs at least");
    }

    @Test
    void theGateDecidesOnlyOnTheVerdictOfTheRunItHoldsTheDirectoryFor() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(GateCheck.notThisRunsVerdict(dir, json.readTree("{\"run\":{\"id\":\"x\"}}")))
                .startsWith("this build does not hold " + dir);
        try (ReportDirLock lock = ReportDirLock.acquire(dir)) {
            String id = lock.holder().runId();
            assertThat(GateCheck.notThisRunsVerdict(dir, json.readTree("{\"run\":{\"id\":\"" + id + "\"}}"))).isNull();
            assertThat(GateCheck.notThisRunsVerdict(dir, json.readTree("{\"run\":{\"id\":\"20261201T000000Z-1-abcd\"}}")))
                    .isEqualTo(dir.resolve("verdict.json") + " was written by run 20261201T000000Z-1-abcd, not by this build's run "
                            + id + ": no verdict of this run to decide on");
            assertThat(GateCheck.notThisRunsVerdict(dir, json.readTree("{\"run\":{}}"))).contains("was written by run (none named)");
        }
    }
}
