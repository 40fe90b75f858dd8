package com.bffaccounting.gate.prometheus;

import com.bffaccounting.gate.io.Executables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Prometheus' {@code promtool} (Debian package {@code prometheus}) when it is installed. */
public final class Promtool {
    private Promtool() {
    }

    public record Result(int exitCode, String output) {
    }

    public static boolean available() {
        return Executables.onPath("promtool").isPresent();
    }

    public static Result run(Path workdir, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Executables.onPath("promtool").orElseThrow(() -> new IllegalStateException("promtool is not on PATH")).toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool " + args + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
