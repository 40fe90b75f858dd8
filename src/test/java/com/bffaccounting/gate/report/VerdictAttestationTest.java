package com.bffaccounting.gate.report;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Observation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict as an in-toto Statement v1: valid by the spec's shape, about the image verdict.json names. */
class VerdictAttestationTest {
    private static final String DIGEST = "sha256:" + "0a".repeat(32);

    private static Map<String, String> facts(String env) {
        Map<String, String> facts = new HashMap<>(Map.of("env", env, "release.tag", "r7-h", "image", "ghcr.io/acme/app/bff:r7-h",
                "image.repository", "ghcr.io/acme/app/bff", "kube.context", "pilot-prod", "kube.apiServer", "https://10.0.0.1:6443",
                "kube.systemUid", "5e1f6a0c-0000-4000-8000-000000000001", "chart.name", "bff-accounting", "chart.semver", "0.3.0"));
        facts.put("chart.digest", "sha256:" + "cd".repeat(32));
        facts.put("values.digest", "sha256:" + "ef".repeat(32));
        facts.put("values.deployed", "true");
        facts.put("suite.version", "1234567890abcdef1234567890abcdef12345678");
        facts.put("image.digest", DIGEST);
        return facts;
    }

    private static Verdict verdict(Map<String, String> facts, String failing) {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        ChecklistCatalog.load().releaseItems().forEach(i -> outcomes.add(new ScenarioOutcome("s", "f", 1, List.of("@" + i.id()),
                i.id().equals(failing) ? CheckStatus.FAIL : CheckStatus.PASS, i.id().equals(failing) ? "broken" : null,
                List.of(Observation.note(i.id() + " saw it")))));
        return new VerdictBuilder(ChecklistCatalog.load()).build(outcomes, facts, Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
    }

    @Test
    void aClusterVerdictIsAStatementAboutTheImageItTested() {
        Map<String, String> facts = facts("cluster");
        Verdict verdict = verdict(facts, "C11.2");
        ObjectNode statement = VerdictAttestation.of(verdict, facts).statement().orElseThrow();
        assertThat(VerdictSchema.violations(statement, VerdictSchema.STATEMENT)).isEmpty();
        assertThat(statement.path("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
        assertThat(statement.path("subject").get(0).path("name").asText()).isEqualTo("ghcr.io/acme/app/bff");
        assertThat("sha256:" + statement.path("subject").get(0).path("digest").path("sha256").asText()).isEqualTo(verdict.run().imageDigest());
        assertThat(statement.path("predicateType").asText()).isEqualTo(VerdictAttestation.PREDICATE_TYPE);
        var predicate = statement.path("predicate");
        assertThat(predicate.path("decision").asText()).isEqualTo("FAIL");
        assertThat(predicate.path("simulation").asBoolean()).isFalse();
        assertThat(predicate.path("checklist").path("C11.2").path("reason").asText()).isEqualTo("broken");
        assertThat(predicate.path("checklist").path("C4.1").path("observed").asText()).isEqualTo("C4.1 saw it");
        assertThat(predicate.path("cluster").path("kubeSystemUid").asText()).isEqualTo("5e1f6a0c-0000-4000-8000-000000000001");
        assertThat(predicate.path("values").path("digest").path("sha256").asText()).isEqualTo("ef".repeat(32));
        assertThat(predicate.path("suite").path("commit").asText()).hasSize(40);
    }

    @Test
    void withoutADigestThereIsNoSubjectAndNoStatement() {
        Map<String, String> facts = facts("cluster");
        facts.remove("image.digest");
        VerdictAttestation.Result result = VerdictAttestation.of(verdict(facts, null), facts);
        assertThat(result.statement()).isEmpty();
        assertThat(result.why()).contains("digest is unknown").contains("ghcr.io/acme/app/bff:r7-h");
    }

    @Test
    void theSchemaRefusesWhatIsNoStatement() {
        Map<String, String> facts = facts("sim");
        ObjectNode statement = VerdictAttestation.of(verdict(facts, null), facts).statement().orElseThrow();
        assertThat(statement.path("predicate").path("simulation").asBoolean()).isTrue();
        statement.putArray("subject");
        assertThat(VerdictSchema.violations(statement, VerdictSchema.STATEMENT)).isNotEmpty();
        ObjectNode badDigest = VerdictAttestation.of(verdict(facts, null), facts).statement().orElseThrow();
        ((ObjectNode) badDigest.path("subject").get(0).path("digest")).put("sha256", "not-hex");
        assertThat(VerdictSchema.violations(badDigest, VerdictSchema.STATEMENT)).isNotEmpty();
        ObjectNode badDecision = VerdictAttestation.of(verdict(facts, null), facts).statement().orElseThrow();
        ((ObjectNode) badDecision.path("predicate")).put("decision", "MAYBE");
        assertThat(VerdictSchema.violations(badDecision, VerdictSchema.STATEMENT)).isNotEmpty();
    }
}
