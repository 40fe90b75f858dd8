package com.bffaccounting.gate.run;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.config.SettingReader;
import com.bffaccounting.gate.config.SettingsCatalog;
import com.bffaccounting.gate.outcome.Decision;
import com.bffaccounting.gate.report.FleetVerdict;
import com.bffaccounting.gate.report.FleetViews;
import com.bffaccounting.gate.report.Verdict;
import com.bffaccounting.gate.report.VerdictSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./mvnw -q exec:java@merge-verdicts -Dverdict.inputs=a/verdict.json,b/verdict.json -Dreport.dir=DIR}: the
 * fleet gate's last step, after the CI matrix ran the gate once per kube context. Writes DIR/verdict.json (the
 * fleet schema) and DIR/verdict.html (lines × clusters), appends the job summary on GitHub Actions, and exits
 * 1 unless the fleet PASSes — INCOMPLETE too: a production fleet with a cluster nobody could judge is not
 * released. Bad input (a file that is no verdict, verdicts of different images) is one line and exit 2.
 */
public final class MergeVerdicts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MergeVerdicts() {
    }

    public static void main(String[] args) throws IOException {
        List<String> files = SettingReader.optionalOfProcess(SettingsCatalog.VERDICT_INPUTS).orElse(List.of());
        List<String> expected = SettingReader.optionalOfProcess(SettingsCatalog.FLEET_CONTEXTS).orElse(List.of());
        Path dir = Path.of(SettingReader.ofProcess(SettingsCatalog.REPORT_DIR));
        int exit = run(files, expected, dir);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** 0 when the fleet passes, 1 when it does not, 2 when the inputs cannot be merged; one line on the console either way. */
    static int run(List<String> files, List<String> expected, Path dir) throws IOException {
        FleetVerdict fleet;
        try {
            List<FleetVerdict.Input> inputs = new ArrayList<>();
            for (String file : files) {
                inputs.add(read(Path.of(file)));
            }
            fleet = FleetVerdict.merge(inputs, expected, ChecklistCatalog.load());
        } catch (FleetVerdict.Refused e) {
            System.err.println("[release-gate] merge-verdicts: " + e.getMessage());
            return 2;
        }
        JsonNode json = JSON.valueToTree(fleet);
        List<String> violations = VerdictSchema.violations(json, VerdictSchema.FLEET);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the fleet verdict does not match " + VerdictSchema.FLEET + ": " + violations);
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("verdict.json"), JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("verdict.html"), FleetViews.page(fleet), StandardCharsets.UTF_8);
        String summary = System.getenv("GITHUB_STEP_SUMMARY");
        if (summary != null && !summary.isBlank()) {
            Files.writeString(Path.of(summary), FleetViews.markdown(fleet), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        String clusters = String.join(", ", fleet.clusters().stream().map(c -> c.context() + " " + c.overall()).toList());
        System.out.println("[release-gate] fleet " + fleet.overall() + " (" + clusters + "): " + dir.resolve("verdict.html"));
        return fleet.overall() == Decision.PASS ? 0 : 1;
    }

    private static FleetVerdict.Input read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new FleetVerdict.Refused(file + " does not exist: give each cluster's reports/verdict.json");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new FleetVerdict.Refused(file + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        // a verdict of schema 1 is still a verdict; anything else is not
        if (tree.path("schemaVersion").asInt() != Verdict.SCHEMA_VERSION) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("schemaVersion", Verdict.SCHEMA_VERSION);
            tree.path("checklist").forEach(c -> {
                if (!c.has("observed")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) c).putArray("observed");
                }
            });
        }
        List<String> violations = VerdictSchema.violations(tree);
        if (!violations.isEmpty()) {
            throw new FleetVerdict.Refused(file + " is not a release gate's verdict.json: " + violations.get(0));
        }
        return new FleetVerdict.Input(file, JSON.treeToValue(tree, Verdict.class));
    }
}
