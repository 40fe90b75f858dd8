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
import java.util.regex.Pattern;

/**
 * Checklist option 1 (C9.1), read as data: the BFF repository's caller (on a pushed {@code r7-*} tag:
 * lower-case the repository, build and push the image, then call the gate) and this suite's reusable
 * gate workflow ({@code workflow_call} with the release's inputs and secrets; run this suite, upload
 * reports/, gate on verdict.json, roll back through the suite when the gate fails — in that order — and
 * never put a secret after {@code -D}). A step that uses one of this suite's own actions
 * ({@code uses: ./.github/actions/…}, a composite) is read as the steps of that action, as the runner runs them.
 */
public final class ReleaseWorkflow {
    static final List<String> INPUTS = List.of("suite_repository", "suite_ref", "image_repository", "tag", "rollback_tag",
            "kube_context", "prometheus_url", "deploy");
    static final List<String> SECRETS = List.of("kubeconfig", "probe_api_key");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** A secret after -D: the workflow's secrets, or the inputs that carry them into the suite's own action. */
    private static final Pattern SECRET_AFTER_D = Pattern.compile("-D[\\w.]+=[^\\s]*\\$\\{\\{\\s*(secrets\\.|inputs\\.("
            + String.join("|", SECRETS) + ")\\b)");

    private final Path path;
    private final JsonNode root;
    private final Path callerPath;
    private final JsonNode caller;
    /** The repository the gate workflow is in: where its {@code ./} actions are. */
    private final Path repository;

    private ReleaseWorkflow(Path path, JsonNode root, Path callerPath, JsonNode caller) {
        this.path = path;
        this.root = root;
        this.callerPath = callerPath;
        this.caller = caller;
        this.repository = repositoryOf(path);
    }

    /** The gate workflow and the example caller that shows the BFF's repository how to use it. */
    public static ReleaseWorkflow read(Path gate, Path caller) {
        return new ReleaseWorkflow(gate, yaml(gate), caller, yaml(caller));
    }

    /** {@code REPO/.github/workflows/x.yml} → REPO; a workflow file elsewhere is taken as this project's. */
    private static Path repositoryOf(Path workflow) {
        Path dir = workflow.toAbsolutePath().getParent();
        if (dir != null && dir.endsWith(Path.of(".github", "workflows"))) {
            return dir.getParent().getParent();
        }
        return Path.of("").toAbsolutePath();
    }

    private static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the workflow " + file, e);
        }
    }

    public Path path() {
        return path;
    }

    /** The steps of every job in order; a step that uses a local action stands for that action's steps. */
    private List<JsonNode> steps(JsonNode workflow) {
        List<JsonNode> steps = new ArrayList<>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(step -> addInlined(step, steps)));
        return steps;
    }

    private void addInlined(JsonNode step, List<JsonNode> steps) {
        String uses = step.path("uses").asText("");
        if (!uses.startsWith("./")) {
            steps.add(step);
            return;
        }
        localAction(uses).path("runs").path("steps").forEach(inner -> addInlined(inner, steps));
    }

    /** {@code ./.github/actions/x} → its action.yml, read. */
    public JsonNode localAction(String uses) {
        return yaml(actionFile(uses));
    }

    /** {@code ./.github/actions/x} → the file of that action: action.yml, or action.yaml when only that exists. */
    private Path actionFile(String uses) {
        Path dir = repository.resolve(uses.substring(2)).normalize();
        return Files.exists(dir.resolve("action.yml")) || !Files.exists(dir.resolve("action.yaml"))
                ? dir.resolve("action.yml") : dir.resolve("action.yaml");
    }

    /** The local actions the gate workflow uses, as files. */
    public List<Path> localActions() {
        List<Path> actions = new ArrayList<>();
        root.path("jobs").forEach(job -> job.path("steps").forEach(step -> {
            String uses = step.path("uses").asText("");
            if (uses.startsWith("./") && !actions.contains(actionFile(uses))) {
                actions.add(actionFile(uses));
            }
        }));
        return actions;
    }

    public List<String> stepNames() {
        return steps(root).stream().map(s -> s.path("name").asText(s.path("uses").asText("?"))).toList();
    }

    private int indexOf(JsonNode workflow, Predicate<JsonNode> test) {
        List<JsonNode> steps = steps(workflow);
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

    /** YAML 1.1 reads a bare {@code on:} key as the boolean true. */
    private static JsonNode on(JsonNode workflow) {
        return workflow.has("on") ? workflow.get("on") : workflow.path("true");
    }

    /** Empty when the two workflows gate releases as the checklist's option 1 says. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        callerProblems(problems);
        JsonNode call = on(root).path("workflow_call");
        check(problems, !call.isMissingNode(), path + " is not a reusable workflow (on.workflow_call)");
        for (String input : INPUTS) {
            check(problems, call.path("inputs").has(input), path + " has no input " + input);
        }
        for (String secret : SECRETS) {
            check(problems, call.path("secrets").has(secret), path + " has no secret " + secret);
        }
        check(problems, !SECRET_AFTER_D.matcher(yamlText(root)).find()
                        && steps(root).stream().noneMatch(s -> SECRET_AFTER_D.matcher(yamlText(s)).find()),
                path + " passes a secret after -D (use ${env:…} or a file)");
        int checkout = indexOf(root, s -> run(s).contains("actions/checkout") && run(s).contains("inputs.suite_ref"));
        int verify = indexOf(root, s -> run(s).contains("./mvnw") && run(s).contains("-Denv=cluster") && run(s).contains("-Ddeploy="));
        int upload = indexOf(root, s -> run(s).contains("actions/upload-artifact") && run(s).contains("reports"));
        int gate = indexOf(root, s -> run(s).contains("verdict.json") && run(s).contains("overall") && run(s).contains("cluster"));
        int rollback = indexOf(root, s -> run(s).contains("-Drollback=true") && s.path("if").asText().contains("failure()"));
        check(problems, checkout >= 0, "no step checks out this suite at the calling or pinned version (inputs.suite_ref)");
        check(problems, verify >= 0, "no step runs ./mvnw verify -Denv=cluster -Ddeploy=…");
        check(problems, gate >= 0, "no step gates on verdict.json (overall verdict and env == cluster)");
        check(problems, upload >= 0, "reports/ is not uploaded as an artifact");
        check(problems, rollback >= 0, "no step rolls back through the suite (-Drollback=true, if: failure())");
        if (problems.isEmpty()) {
            check(problems, checkout < verify && verify < gate && gate < rollback,
                    "the steps are out of order (check out → verify → gate → roll back)");
        }
        return problems;
    }

    private void callerProblems(List<String> problems) {
        boolean onTags = false;
        for (JsonNode tag : on(caller).path("push").path("tags")) {
            onTags |= tag.asText().startsWith("r7-");
        }
        check(problems, onTags, callerPath + " is not triggered by pushed r7-* tags (on.push.tags)");
        int lowercase = indexOf(caller, s -> run(s).contains("tr '[:upper:]' '[:lower:]'") || run(s).contains(",,}"));
        int build = indexOf(caller, s -> run(s).contains("docker/build-push-action") || run(s).contains("docker push"));
        check(problems, build >= 0, callerPath + ": no step builds and pushes the image");
        check(problems, lowercase >= 0 && lowercase < build, callerPath + ": the image repository is not lower-cased before the push");
        boolean callsGate = false;
        for (JsonNode job : caller.path("jobs")) {
            callsGate |= job.path("uses").asText().contains(".github/workflows/" + path.getFileName()) && job.has("needs");
        }
        check(problems, callsGate, callerPath + ": no job calls " + path.getFileName() + " after the image is pushed (uses + needs)");
        check(problems, !SECRET_AFTER_D.matcher(yamlText(caller)).find(), callerPath + " passes a secret after -D");
    }

    private static String yamlText(JsonNode workflow) {
        return workflow.toString().replace("\\n", "\n");
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
