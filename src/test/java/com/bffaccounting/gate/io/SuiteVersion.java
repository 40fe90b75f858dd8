package com.bffaccounting.gate.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which version of this suite ran: the git commit of its checkout, read from {@code .git} itself (no git
 * binary is needed on a runner): {@code HEAD} names a commit (a detached checkout, as actions/checkout makes)
 * or a branch, whose commit is a loose ref or a line of {@code packed-refs}. A worktree's {@code .git} file
 * points to its git directory.
 */
public final class SuiteVersion {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private SuiteVersion() {
    }

    /** The commit, or "unknown: why" (a copy without .git, an unreadable ref). */
    public static String of(Path projectDir) {
        try {
            Optional<Path> gitDir = gitDir(projectDir);
            if (gitDir.isEmpty()) {
                return "unknown: " + projectDir + " is no git checkout";
            }
            String head = Files.readString(gitDir.get().resolve("HEAD")).strip();
            if (COMMIT.matcher(head).matches()) {
                return head;
            }
            if (!head.startsWith("ref: ")) {
                return "unknown: .git/HEAD says '" + head + "'";
            }
            String ref = head.substring("ref: ".length());
            Path loose = gitDir.get().resolve(ref);
            if (Files.isRegularFile(loose)) {
                return Files.readString(loose).strip();
            }
            Path packed = gitDir.get().resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed)) {
                    if (line.endsWith(" " + ref) && COMMIT.matcher(line.substring(0, line.indexOf(' '))).matches()) {
                        return line.substring(0, line.indexOf(' '));
                    }
                }
            }
            return "unknown: " + ref + " has no commit yet";
        } catch (IOException e) {
            return "unknown: " + e.getMessage();
        }
    }

    private static Optional<Path> gitDir(Path projectDir) throws IOException {
        Path git = projectDir.resolve(".git");
        if (Files.isDirectory(git)) {
            return Optional.of(git);
        }
        if (Files.isRegularFile(git)) {
            String pointer = Files.readString(git).strip();
            if (pointer.startsWith("gitdir: ")) {
                return Optional.of(projectDir.resolve(pointer.substring("gitdir: ".length())).normalize());
            }
        }
        return Optional.empty();
    }
}
