package com.bffaccounting.gate.ci;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** C9.1: the shipped workflow gates r7-* tags as the checklist's option 1 says; a weakened one is caught. */
class ReleaseWorkflowTest {
    static final Path WORKFLOW = Path.of(".github/workflows/release-gate.yml");

    @Test
    void theShippedWorkflowGatesReleaseTags() {
        ReleaseWorkflow workflow = ReleaseWorkflow.read(WORKFLOW);
        assertThat(workflow.problems()).isEmpty();
        assertThat(workflow.stepNames()).contains("Build and push the image", "Gate on verdict.json",
                "Roll back to the previous tag through the suite");
    }

    @Test
    void aWorkflowWithoutTheGateOrTheRollbackIsCaught(@TempDir Path dir) throws Exception {
        String weakened = Files.readString(WORKFLOW)
                .replace("-Drollback=true", "-Drollback=false")
                .replace("verdict.json", "verdict.txt");
        Path file = dir.resolve("release-gate.yml");
        Files.writeString(file, weakened);
        assertThat(ReleaseWorkflow.read(file).problems())
                .contains("no step gates on verdict.json (overall verdict and env == cluster)",
                        "no step rolls back through the suite (-Drollback=true, if: failure())");
    }

    @Test
    void aWorkflowOnBranchesInsteadOfTagsIsCaught(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("release-gate.yml");
        Files.writeString(file, Files.readString(WORKFLOW).replace("tags:\n      - \"r7-*\"", "branches:\n      - main"));
        assertThat(ReleaseWorkflow.read(file).problems()).contains("it is not triggered by pushed r7-* tags (on.push.tags)");
    }
}
