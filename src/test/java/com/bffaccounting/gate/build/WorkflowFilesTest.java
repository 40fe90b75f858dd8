package com.bffaccounting.gate.build;

import com.bffaccounting.gate.io.Executables;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static com.bffaccounting.gate.build.WorkflowFiles.ACTION;
import static com.bffaccounting.gate.build.WorkflowFiles.CALLER;
import static com.bffaccounting.gate.build.WorkflowFiles.PROMOTE;
import static com.bffaccounting.gate.build.WorkflowFiles.WORKFLOW;
import static com.bffaccounting.gate.build.WorkflowFiles.validatable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every workflow file of this project — the gate, its action, the example caller and the promotion — is
 * valid for GitHub by a real validator ({@code action-validator}, from npm: {@code npm install -g
 * @action-validator/cli@0.6.0}), and the validator is real: a broken workflow is refused.
 */
class WorkflowFilesTest {
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
