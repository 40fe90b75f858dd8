package com.bffaccounting.gate.sim;

import com.bffaccounting.gate.io.Trees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Broken charts for the fault matrix, made from the real chart so they never drift from it:
 * {@code chart-env-unwired} is the chart with the loop that hands {@code env.*} to the container cut out,
 * so the allowlist never reaches the pods.
 */
final class ChartFaults {
    private static final Pattern ENV_LOOP = Pattern.compile(
            "(?m)^[ \\t]*\\{\\{-? range \\$name, \\$value := \\.Values\\.env }}\\n(?:.*\\n)*?[ \\t]*\\{\\{-? end }}\\n");

    private ChartFaults() {
    }

    /** The chart the run verifies and deploys: the given one, or with chart-env-unwired a broken copy (deleted when the run ends). */
    static Path underTest(FaultEffects faults, Path chart, java.util.List<AutoCloseable> resources) {
        if (!faults.chartEnvUnwired) {
            return chart;
        }
        Path broken = envUnwiredCopy(chart);
        resources.add(() -> Trees.delete(broken));
        return broken;
    }

    static Path envUnwiredCopy(Path chart) {
        try {
            Path copy = Files.createTempDirectory("chart-env-unwired");
            Trees.copy(chart, copy);
            // the container environment is the chart's named template bff-accounting.env, shared by the BFF and its init container
            Path deployment = copy.resolve("templates/_helpers.tpl");
            String template = Files.readString(deployment);
            String broken = ENV_LOOP.matcher(template).replaceFirst("");
            if (broken.equals(template)) {
                throw new IllegalStateException("chart-env-unwired: " + deployment + " has no env loop to cut; update ChartFaults");
            }
            Files.writeString(deployment, broken);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + chart + " for the chart-env-unwired fault", e);
        }
    }
}
