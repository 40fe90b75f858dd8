package com.bffaccounting.gate.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The release-gate workflow (checklist option 1, C9.1), read as data: on a pushed {@code r7-*} tag it
 * must build and push the image, deploy and verify with this suite, gate on verdict.json, upload the
 * reports, and roll back through the suite when the gate fails — in that order.
 */
public final class ReleaseWorkflow {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path path;
    private final JsonNode root;

    private ReleaseWorkflow(Path path, JsonNode root) {
        this.path = path;
        this.root = root;
    }

    public static ReleaseWorkflow read(Path path) {
        try {
            return new ReleaseWorkflow(path, YAML.readTree(Files.readString(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the release workflow " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    private List<JsonNode> steps() {
        List<JsonNode> steps = new ArrayList<>();
        root.path("jobs").forEach(job -> job.path("steps").forEach(steps::add));
        return steps;
    }

    public List<String> stepNames() {
        return steps().stream().map(s -> s.path("name").asText(s.path("uses").asText("?"))).toList();
    }

    private int indexOf(Predicate<JsonNode> test) {
        List<JsonNode> steps = steps();
        for (int i = 0; i < steps.size(); i++) {
            if (test.test(steps.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String run(JsonNode step) {
        return step.path("run").asText("") + " " + step.path("uses").asText("") + " " + step.path("with").toString();
    }

    /** Empty when the workflow gates releases as the checklist's option 1 says. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        // YAML 1.1 reads a bare `on:` key as the boolean true
        JsonNode on = root.has("on") ? root.get("on") : root.path("true");
        boolean onTags = false;
        for (JsonNode tag : on.path("push").path("tags")) {
            onTags |= tag.asText().startsWith("r7-");
        }
        if (!onTags) {
            problems.add("it is not triggered by pushed r7-* tags (on.push.tags)");
        }
        int build = indexOf(s -> run(s).contains("docker/build-push-action") || run(s).contains("docker push"));
        int lowercase = indexOf(s -> run(s).contains("tr '[:upper:]' '[:lower:]'") || run(s).contains(",,}"));
        int verify = indexOf(s -> run(s).contains("./mvnw") && run(s).contains("-Denv=cluster") && run(s).contains("-Ddeploy=true"));
        int upload = indexOf(s -> run(s).contains("actions/upload-artifact") && run(s).contains("reports"));
        int gate = indexOf(s -> run(s).contains("verdict.json") && run(s).contains("overall") && run(s).contains("cluster"));
        int rollback = indexOf(s -> run(s).contains("-Drollback=true") && s.path("if").asText().contains("failure()"));
        check(problems, build >= 0, "no step builds and pushes the image");
        check(problems, lowercase >= 0, "the image repository is not lower-cased before the push");
        check(problems, verify >= 0, "no step runs ./mvnw verify -Denv=cluster -Ddeploy=true");
        check(problems, gate >= 0, "no step gates on verdict.json (overall verdict and env == cluster)");
        check(problems, upload >= 0, "reports/ is not uploaded as an artifact");
        check(problems, rollback >= 0, "no step rolls back through the suite (-Drollback=true, if: failure())");
        if (problems.isEmpty()) {
            check(problems, lowercase < build && build < verify && verify < gate && gate < rollback,
                    "the steps are out of order (lower-case → build → verify → gate → rollback)");
        }
        return problems;
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
