package com.bffaccounting.gate.ci;

import com.bffaccounting.gate.io.Executables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * C9.1: the shipped gate workflow and the example caller gate r7-* tags as the checklist's option 1
 * says; a weakened one is caught; and every workflow file is valid for GitHub by a real validator
 * ({@code action-validator}, from npm: {@code npm install -g @action-validator/cli@0.6.0}).
 */
class ReleaseWorkflowTest {
    static final Path WORKFLOW = Path.of(".github/workflows/release-gate.yml");
    static final Path ACTION = Path.of(".github/actions/cluster-gate/action.yml");
    static final Path CALLER = Path.of("docs/examples/bff-release.yml");

    /** A copy of the gate workflow and its action in a repository of their own, {@code change} applied to both. */
    static Path copy(Path dir, java.util.function.UnaryOperator<String> change) throws Exception {
        Path workflow = Files.createDirectories(dir.resolve(".github/workflows")).resolve("release-gate.yml");
        Files.writeString(workflow, change.apply(Files.readString(WORKFLOW)));
        Path action = Files.createDirectories(dir.resolve(".github/actions/cluster-gate")).resolve("action.yml");
        Files.writeString(action, change.apply(Files.readString(ACTION)));
        return workflow;
    }

    @Test
    void theShippedWorkflowsGateReleaseTags() {
        ReleaseWorkflow workflow = ReleaseWorkflow.read(WORKFLOW, CALLER);
        assertThat(workflow.problems()).isEmpty();
        assertThat(workflow.stepNames()).contains("Deploy and verify (the release gate)", "Gate on verdict.json",
                "Roll back to the previous tag through the suite");
    }

    @Test
    void aWorkflowWithoutTheGateOrTheRollbackIsCaught(@TempDir Path dir) throws Exception {
        Path file = copy(dir, text -> text.replace("-Drollback=true", "-Drollback=false").replace("verdict.json", "verdict.txt"));
        assertThat(ReleaseWorkflow.read(file, CALLER).problems())
                .contains("no step gates on verdict.json (overall verdict and env == cluster)",
                        "no step rolls back through the suite (-Drollback=true, if: failure())");
    }

    @Test
    void aSecretAfterDashDIsCaught(@TempDir Path dir) throws Exception {
        Path file = copy(dir, text -> text.replace("-Dkubeconfig=\"$RUNNER_TEMP/kube/config\"",
                "-Dregistry.password=${{ inputs.probe_api_key }}"));
        assertThat(ReleaseWorkflow.read(file, CALLER).problems()).anySatisfy(p -> assertThat(p).contains("passes a secret after -D"));
        assertThat(ReleaseWorkflow.read(WORKFLOW, CALLER).localActions()).containsExactly(ACTION.toAbsolutePath());
    }

    @Test
    void aCallerOnBranchesInsteadOfTagsIsCaught(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bff-release.yml");
        Files.writeString(file, Files.readString(CALLER).replace("tags:\n      - \"r7-*\"", "branches:\n      - main"));
        assertThat(ReleaseWorkflow.read(WORKFLOW, file).problems())
                .anySatisfy(p -> assertThat(p).contains("is not triggered by pushed r7-* tags"));
    }

    /**
     * action-validator 0.6.0 (the newest npm serves) bundles a workflow schema from before GitHub added the
     * {@code attestations} permission (2024): a copy without those lines is validated, and the permissions
     * themselves are checked by {@link AttestationWorkflowTest}, key by key.
     */
    private static Path validatable(Path file) throws Exception {
        String text = Files.readString(file);
        if (!text.matches("(?s).*\\n\\s*attestations: (read|write)\\n.*")) {
            return file;
        }
        Path copy = Files.createTempFile("validatable-", "-" + file.getFileName());
        copy.toFile().deleteOnExit();
        Files.writeString(copy, text.replaceAll("\\n\\s*attestations: (read|write)(?=\\n)", ""));
        return copy;
    }

    static final Path PROMOTE = Path.of("docs/examples/promote.yml");

    @Test
    void everyWorkflowFileIsValidForGitHub() throws Exception {
        Optional<Path> validator = Executables.onPath("action-validator");
        if (validator.isEmpty() && Boolean.getBoolean("actionvalidator.required")) {
            throw new AssertionError("action-validator is not on PATH but actionvalidator.required=true"
                    + " — npm install -g @action-validator/cli@0.6.0");
        }
        assumeTrue(validator.isPresent(), "no action-validator on PATH (npm install -g @action-validator/cli@0.6.0):"
                + " the workflows are checked by their semantics only");
        List<Path> files;
        try (var walk = Files.walk(Path.of(".github/workflows"))) {
            files = new ArrayList<>(walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).toList());
        }
        files.add(CALLER);
        files.add(ACTION);
        files.add(PROMOTE);
        for (Path file : files) {
            Process process = new ProcessBuilder(validator.get().toString(), validatable(file).toString()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(file + ": " + out).isZero();
        }
        // and it is a real validator: a broken workflow is refused
        Path broken = Files.createTempFile("broken-workflow", ".yml");
        Files.writeString(broken, Files.readString(WORKFLOW).replace("runs-on:", "runs-onn:"));
        Process process = new ProcessBuilder(validator.get().toString(), broken.toString()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        Files.delete(broken);
    }
}
