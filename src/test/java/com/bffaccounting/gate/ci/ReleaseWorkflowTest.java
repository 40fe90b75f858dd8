package com.bffaccounting.gate.ci;

import com.bffaccounting.gate.build.WorkflowFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * C9.1: the shipped gate workflow and the example caller gate r7-* tags as the checklist's option 1
 * says, and a weakened one is caught (that every workflow file is valid for GitHub is build/WorkflowFilesTest's).
 */
class ReleaseWorkflowTest {

    @Test
    void theShippedWorkflowsGateReleaseTags() {
        ReleaseWorkflow workflow = ReleaseWorkflow.read(WorkflowFiles.WORKFLOW, WorkflowFiles.CALLER);
        assertThat(workflow.problems()).isEmpty();
        assertThat(workflow.stepNames()).contains("Deploy and verify (the release gate)", "Gate on verdict.json",
                "Roll back to the previous tag through the suite");
    }

    @Test
    void aWorkflowWithoutTheGateOrTheRollbackIsCaught(@TempDir Path dir) throws Exception {
        Path file = WorkflowFiles.copy(dir, text -> text.replace("-Drollback=true", "-Drollback=false").replace("verdict.json", "verdict.txt"));
        assertThat(ReleaseWorkflow.read(file, WorkflowFiles.CALLER).problems())
                .contains("no step gates on verdict.json (overall verdict and env == cluster)",
                        "no step rolls back through the suite (-Drollback=true, if: failure())");
    }

    @Test
    void aSecretAfterDashDIsCaught(@TempDir Path dir) throws Exception {
        Path file = WorkflowFiles.copy(dir, text -> text.replace("-Dkubeconfig=\"$RUNNER_TEMP/kube/config\"",
                "-Dregistry.password=${{ inputs.probe_api_key }}"));
        assertThat(ReleaseWorkflow.read(file, WorkflowFiles.CALLER).problems()).anySatisfy(p -> assertThat(p).contains("passes a secret after -D"));
        assertThat(ReleaseWorkflow.read(WorkflowFiles.WORKFLOW, WorkflowFiles.CALLER).localActions()).containsExactly(WorkflowFiles.ACTION.toAbsolutePath());
    }

    @Test
    void aCallerOnBranchesInsteadOfTagsIsCaught(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bff-release.yml");
        Files.writeString(file, Files.readString(WorkflowFiles.CALLER).replace("tags:\n      - \"r7-*\"", "branches:\n      - main"));
        assertThat(ReleaseWorkflow.read(WorkflowFiles.WORKFLOW, file).problems())
                .anySatisfy(p -> assertThat(p).contains("is not triggered by pushed r7-* tags"));
    }

}
