package com.bffaccounting.gate.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** This project's workflow files, and copies of them for tests that weaken one. */
public final class WorkflowFiles {
    public static final Path WORKFLOW = Path.of(".github/workflows/release-gate.yml");
    public static final Path ACTION = Path.of(".github/actions/cluster-gate/action.yml");
    public static final Path CALLER = Path.of("docs/examples/bff-release.yml");
    public static final Path PROMOTE = Path.of("docs/examples/promote.yml");

    private WorkflowFiles() {
    }

    /** A copy of the gate workflow and its action in a repository of their own, {@code change} applied to both. */
    public static Path copy(Path dir, UnaryOperator<String> change) throws Exception {
        Path workflow = Files.createDirectories(dir.resolve(".github/workflows")).resolve("release-gate.yml");
        Files.writeString(workflow, change.apply(Files.readString(WORKFLOW)));
        Path action = Files.createDirectories(dir.resolve(".github/actions/cluster-gate")).resolve("action.yml");
        Files.writeString(action, change.apply(Files.readString(ACTION)));
        return workflow;
    }

    /**
     * action-validator 0.6.0 (the newest npm serves) bundles a workflow schema from before GitHub added the
     * {@code attestations} permission (2024): a copy without those lines is validated, and the permissions
     * themselves are checked by AttestationWorkflowTest, key by key.
     */
    public static Path validatable(Path file) throws Exception {
        String text = Files.readString(file);
        if (!text.matches("(?s).*\\n\\s*attestations: (read|write)\\n.*")) {
            return file;
        }
        Path copy = Files.createTempFile("validatable-", "-" + file.getFileName());
        copy.toFile().deleteOnExit();
        Files.writeString(copy, text.replaceAll("\\n\\s*attestations: (read|write)(?=\\n)", ""));
        return copy;
    }

}
