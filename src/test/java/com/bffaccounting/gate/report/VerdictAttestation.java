package com.bffaccounting.gate.report;

import com.bffaccounting.gate.model.ImageReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;

/**
 * The verdict as an in-toto Statement v1 about the image under test ({@code reports/verdict.intoto.json}):
 * its subject is the image's repository and digest, its predicate what the gate decided and where — the
 * decision, each checklist line's status and first reason, the env, the cluster's identity, the chart and
 * the values (as digests), the suite's commit and the run's times. CI signs it with GitHub's artifact
 * attestations ({@code actions/attest}); a promotion verifies it ({@code gh attestation verify}).
 *
 * <p>A statement needs a subject: without the image's digest (C4.1 could not resolve it) there is none, and
 * the run says so. It holds no secret: no values, no headers, no kubeconfig — only their digests — and it
 * is masked on the way out like everything the run writes.
 */
public final class VerdictAttestation {
    public static final String FILE = "verdict.intoto.json";
    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    /** Ours, versioned: a change that removes or renames a field is v2. */
    public static final String PREDICATE_TYPE = "https://bff-accounting.release-gate/attestation/verdict/v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private VerdictAttestation() {
    }

    /** The statement, or empty with why there is none. */
    public static Result of(Verdict verdict, Map<String, String> facts) {
        Verdict.Run run = verdict.run();
        if (run.imageDigest() == null) {
            return new Result(Optional.empty(), "no " + FILE + ": the image's digest is unknown (C4.1 did not resolve "
                    + run.image() + "), so there is no subject to attest");
        }
        ObjectNode statement = JSON.createObjectNode();
        statement.put("_type", STATEMENT_TYPE);
        ObjectNode subject = statement.putArray("subject").addObject();
        subject.put("name", facts.getOrDefault("image.repository", repositoryOf(run.image())));
        subject.putObject("digest").put("sha256", run.imageDigest().substring("sha256:".length()));
        statement.put("predicateType", PREDICATE_TYPE);

        ObjectNode predicate = statement.putObject("predicate");
        predicate.put("decision", verdict.overall().name());
        predicate.put("releaseTag", run.releaseTag());
        predicate.put("env", run.env());
        predicate.put("simulation", verdict.simulation());
        predicate.put("runId", run.id());
        ObjectNode checklist = predicate.putObject("checklist");
        for (Verdict.Check check : verdict.checklist()) {
            ObjectNode line = checklist.putObject(check.id());
            line.put("status", check.status().name());
            if (check.reason() != null) {
                line.put("reason", check.reason());
            } else if (!check.observed().isEmpty()) {
                line.put("observed", check.observed().get(0).text());
            }
        }
        if (run.kubeContext() != null) {
            ObjectNode cluster = predicate.putObject("cluster");
            cluster.put("kubeContext", run.contextName());
            cluster.put("apiServer", facts.get("kube.apiServer"));
            cluster.put("kubeSystemUid", facts.get("kube.systemUid"));
        }
        ObjectNode chart = predicate.putObject("chart");
        chart.put("name", facts.get("chart.name"));
        chart.put("version", facts.get("chart.semver"));
        digest(chart, facts.get("chart.digest"));
        chart.put("digestOf", "the chart's files: sha256 over sorted 'sha256(file)  path' lines (ChartDigest)");
        if (facts.containsKey("values.digest")) {
            ObjectNode values = predicate.putObject("values");
            digest(values, facts.get("values.digest"));
            values.put("deployed", Boolean.parseBoolean(facts.get("values.deployed")));
        }
        predicate.putObject("suite").put("commit", facts.get("suite.version"));
        predicate.put("startedAt", run.startedAt());
        predicate.put("finishedAt", run.finishedAt());
        return new Result(Optional.of(statement), null);
    }

    /** @param why when there is no statement, the one line that says so */
    public record Result(Optional<ObjectNode> statement, String why) {
    }

    /** {@code ghcr.io/o/app:tag@sha256:…} → {@code ghcr.io/o/app}, as the image reference grammar reads it. */
    private static String repositoryOf(String image) {
        ImageReference reference = ImageReference.parseReference(image);
        return reference.registry() + "/" + reference.repository();
    }

    private static void digest(ObjectNode node, String digest) {
        if (digest != null && digest.startsWith("sha256:")) {
            node.putObject("digest").put("sha256", digest.substring("sha256:".length()));
        }
    }

}
