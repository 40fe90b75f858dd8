package com.bffaccounting.gate.build;

import com.bffaccounting.gate.ci.ReleaseWorkflow;
import com.bffaccounting.gate.report.VerdictAttestation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attest and verify steps, read as data: the gate's jobs that attest have exactly the permissions
 * attesting needs and the caller grants them; the subject is the digest of the run's own statement, only
 * for a cluster run, never a simulation; the promotion verifies with the predicate type the suite writes,
 * pinned to the signer workflow, and promotes only a PASS on a cluster. Weakened copies are caught.
 */
class AttestationWorkflowTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, String> ATTEST_PERMISSIONS = Map.of("contents", "read", "id-token", "write",
            "attestations", "write", "packages", "write");

    /** Empty when the gate attests as it must; one line per problem otherwise. */
    static List<String> gateProblems(Path workflow, Path caller) throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode root = YAML.readTree(workflow.toFile());
        ReleaseWorkflow gate = ReleaseWorkflow.read(workflow, caller);
        if (!root.path("permissions").equals(YAML.valueToTree(Map.of("contents", "read")))) {
            problems.add("the workflow's own permissions are more than contents: read");
        }
        int attesting = 0;
        for (var job : (Iterable<Map.Entry<String, JsonNode>>) root.path("jobs")::fields) {
            List<JsonNode> steps = new ArrayList<>();
            job.getValue().path("steps").forEach(step -> {
                if (step.path("uses").asText().startsWith("./")) {
                    gate.localAction(step.path("uses").asText()).path("runs").path("steps").forEach(steps::add);
                } else {
                    steps.add(step);
                }
            });
            JsonNode attest = steps.stream().filter(s -> s.path("uses").asText().startsWith("actions/attest@")).findFirst().orElse(null);
            if (attest == null) {
                if (job.getValue().path("permissions").toString().contains("write")) {
                    problems.add("job " + job.getKey() + " does not attest, yet asks for write permissions");
                }
                continue;
            }
            attesting++;
            if (!job.getValue().path("permissions").equals(YAML.valueToTree(ATTEST_PERMISSIONS))) {
                problems.add("job " + job.getKey() + " attests with permissions " + job.getValue().path("permissions")
                        + " instead of exactly " + ATTEST_PERMISSIONS);
            }
            JsonNode with = attest.path("with");
            if (!with.path("subject-digest").asText().equals("${{ steps.gate.outputs.digest }}")
                    || !with.path("subject-name").asText().equals("${{ steps.gate.outputs.subject }}")) {
                problems.add("the attestation's subject is not the run's own statement's (steps.gate.outputs.subject/digest)");
            }
            if (!with.path("push-to-registry").asText().equals("true")) {
                problems.add("the attestation is not pushed beside the image (push-to-registry: true)");
            }
            if (!attest.path("if").asText().contains("steps.gate.outputs.attestable == 'true'")) {
                problems.add("the attestation does not wait for the gate to find the run attestable");
            }
            JsonNode gateStep = steps.stream().filter(s -> "gate".equals(s.path("id").asText())).findFirst().orElse(null);
            String run = gateStep == null ? "" : gateStep.path("run").asText();
            if (!run.contains("reports/verdict.intoto.json") || !run.contains(".subject[0].digest.sha256")
                    || !run.contains("'.predicate.simulation' \"$statement\")\" = \"false\"") || !run.contains("\"$env\" = \"cluster\"")) {
                problems.add("the gate step does not take the subject from reports/verdict.intoto.json for cluster runs only, never a simulation");
            }
        }
        if (attesting == 0) {
            problems.add(workflow + " attests nothing (actions/attest)");
        }
        JsonNode callerRoot = YAML.readTree(caller.toFile());
        boolean granted = false;
        for (JsonNode job : callerRoot.path("jobs")) {
            if (job.path("uses").asText().contains("release-gate.yml")) {
                granted = job.path("permissions").equals(YAML.valueToTree(ATTEST_PERMISSIONS));
            }
        }
        if (!granted) {
            problems.add(caller + " does not grant the gate exactly " + ATTEST_PERMISSIONS + " (a called workflow gets no more)");
        }
        return problems;
    }

    /** Empty when the promotion verifies the attestation as it must. */
    static List<String> promotionProblems(Path promote) throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode root = YAML.readTree(promote.toFile());
        if (!VerdictAttestation.PREDICATE_TYPE.equals(root.path("env").path("PREDICATE_TYPE").asText())) {
            problems.add("the promotion verifies predicate type " + root.path("env").path("PREDICATE_TYPE") + ", not the one the suite writes ("
                    + VerdictAttestation.PREDICATE_TYPE + ")");
        }
        if (!root.path("env").path("SIGNER_WORKFLOW").asText().endsWith("/.github/workflows/release-gate.yml")) {
            problems.add("the promotion is not pinned to the signer workflow release-gate.yml");
        }
        JsonNode verify = root.path("jobs").path("verify");
        String runs = verify.path("steps").toString();
        if (!runs.contains("gh attestation verify \\\"oci://${IMAGE}@${DIGEST}\\\"") || !runs.contains("--predicate-type \\\"${PREDICATE_TYPE}\\\"")
                || !runs.contains("--signer-workflow \\\"${SIGNER_WORKFLOW}\\\"") || !runs.contains("--owner")) {
            problems.add("no step runs gh attestation verify oci://IMAGE@DIGEST --owner … --predicate-type … --signer-workflow …");
        }
        if (!runs.contains(".decision == \\\"PASS\\\"") || !runs.contains(".env == \\\"cluster\\\"") || !runs.contains(".simulation == false")) {
            problems.add("the promotion does not check that the predicate says PASS, on a cluster, not a simulation");
        }
        if (verify.path("permissions").toString().contains("write")) {
            problems.add("verifying needs no write permission");
        }
        if (!root.path("jobs").path("promote").path("needs").asText().equals("verify")) {
            problems.add("the promotion does not wait for the verification (needs: verify)");
        }
        return problems;
    }

    @Test
    void theShippedWorkflowsAttestAndVerify() throws IOException {
        assertThat(gateProblems(WorkflowFiles.WORKFLOW, WorkflowFiles.CALLER)).isEmpty();
        assertThat(promotionProblems(WorkflowFiles.PROMOTE)).isEmpty();
    }

    @Test
    void weakerAttestationsAreCaught(@TempDir Path dir) throws Exception {
        Path noToken = WorkflowFiles.copy(dir.resolve("a"), text -> text.replace("      id-token: write\n", ""));
        assertThat(gateProblems(noToken, WorkflowFiles.CALLER)).anySatisfy(p -> assertThat(p).contains("attests with permissions"));
        Path anyDigest = WorkflowFiles.copy(dir.resolve("b"), text -> text.replace("${{ steps.gate.outputs.digest }}", "${{ inputs.tag }}"));
        assertThat(gateProblems(anyDigest, WorkflowFiles.CALLER)).anySatisfy(p -> assertThat(p).contains("subject is not the run's own"));
        Path simulations = WorkflowFiles.copy(dir.resolve("c"), text -> text.replace(" && [ \"$(jq -r '.predicate.simulation' \"$statement\")\" = \"false\" ]", ""));
        assertThat(gateProblems(simulations, WorkflowFiles.CALLER)).anySatisfy(p -> assertThat(p).contains("never a simulation"));
        Path caller = dir.resolve("caller.yml");
        Files.writeString(caller, Files.readString(WorkflowFiles.CALLER).replace("      attestations: write\n", ""));
        assertThat(gateProblems(WorkflowFiles.WORKFLOW, caller)).anySatisfy(p -> assertThat(p).contains("does not grant the gate"));
    }

    @Test
    void weakerPromotionsAreCaught(@TempDir Path dir) throws IOException {
        Path otherType = dir.resolve("a.yml");
        Files.writeString(otherType, Files.readString(WorkflowFiles.PROMOTE).replace("/attestation/verdict/v1", "/verdict/v0"));
        assertThat(promotionProblems(otherType)).anySatisfy(p -> assertThat(p).contains("not the one the suite writes"));
        Path anyDecision = dir.resolve("b.yml");
        Files.writeString(anyDecision, Files.readString(WorkflowFiles.PROMOTE).replace(".decision == \"PASS\" and ", ""));
        assertThat(promotionProblems(anyDecision)).anySatisfy(p -> assertThat(p).contains("says PASS"));
        Path unpinned = dir.resolve("c.yml");
        Files.writeString(unpinned, Files.readString(WorkflowFiles.PROMOTE).replace(" --signer-workflow \"${SIGNER_WORKFLOW}\"", ""));
        assertThat(promotionProblems(unpinned)).anySatisfy(p -> assertThat(p).contains("gh attestation verify"));
    }
}
