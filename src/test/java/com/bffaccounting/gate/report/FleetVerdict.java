package com.bffaccounting.gate.report;

import com.bffaccounting.gate.checklist.ChecklistCatalog;
import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.outcome.Decision;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One decision across clusters ({@code merge-verdicts}): the verdicts of one release on each kube context,
 * as a grid of checklist lines × clusters. A line takes the worst status it has on any cluster; the fleet
 * FAILs when any cluster fails, is INCOMPLETE when any cluster is (or has no verdict at all), and PASSes
 * only when every cluster passed. It is about one image: verdicts of different image digests are refused.
 * Schema: {@code src/test/resources/fleet-verdict.schema.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FleetVerdict(int schemaVersion, String kind, Decision overall, boolean simulation, String releaseTag, String image,
                           String imageDigest, List<Cluster> clusters, Map<CheckStatus, Integer> counts, List<Line> checklist) {
    public static final int SCHEMA_VERSION = 1;

    /** One cluster's verdict: its context, decision and run, or why it has none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cluster(String context, Decision overall, String env, String runId, String verdict, String error,
                          String startedAt, String finishedAt) {
    }

    /** One checklist line across the fleet: the worst status, each cluster's, and the first reason with its cluster. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String id, String section, String requirement, CheckStatus status, Map<String, CheckStatus> byCluster,
                       String reason) {
    }

    /** A cluster's verdict.json as read. */
    public record Input(Path file, Verdict verdict) {
    }

    /** The verdicts are not of one release: a fleet verdict would compare different images. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * @param inputs   the clusters' verdicts
     * @param expected the contexts that must each have a verdict (empty: the inputs are the fleet)
     */
    public static FleetVerdict merge(List<Input> inputs, List<String> expected, ChecklistCatalog catalog) {
        if (inputs.isEmpty() && expected.isEmpty()) {
            throw new Refused("no verdict to merge: give -Dverdict.inputs=a/verdict.json,b/verdict.json");
        }
        String digest = oneImage(inputs);
        Map<String, Input> byContext = new LinkedHashMap<>();
        for (Input input : inputs) {
            String context = contextOf(input);
            if (byContext.containsKey(context)) {
                throw new Refused(input.file() + " and " + byContext.get(context).file() + " are both verdicts of context " + context
                        + ": one verdict per cluster");
            }
            byContext.put(context, input);
        }
        Set<String> contexts = new LinkedHashSet<>(expected);
        contexts.addAll(byContext.keySet());
        List<Cluster> clusters = new ArrayList<>();
        Decision fleet = Decision.PASS;
        for (String context : contexts) {
            Input input = byContext.get(context);
            if (input == null) {
                clusters.add(new Cluster(context, Decision.INCOMPLETE, null, null, null,
                        "no verdict: the gate of this context did not run to its end (or its verdict was not given)", null, null));
                fleet = worse(fleet, Decision.INCOMPLETE);
                continue;
            }
            Verdict.Run run = input.verdict().run();
            clusters.add(new Cluster(context, input.verdict().overall(), run.env(), run.id(), input.file().toString(), run.error(),
                    run.startedAt(), run.finishedAt()));
            fleet = worse(fleet, input.verdict().overall());
        }
        List<Line> lines = new ArrayList<>();
        Map<CheckStatus, Integer> counts = new EnumMap<>(CheckStatus.class);
        for (ChecklistCatalog.Item item : catalog.releaseItems()) {
            Map<String, CheckStatus> byCluster = new LinkedHashMap<>();
            Map<String, String> reasons = new LinkedHashMap<>();
            CheckStatus worst = CheckStatus.PASS;
            for (String context : contexts) {
                Input input = byContext.get(context);
                Verdict.Check check = input == null ? null : input.verdict().checklist().stream()
                        .filter(c -> c.id().equals(item.id())).findFirst().orElse(null);
                CheckStatus status = check == null ? CheckStatus.NOT_RUN : check.status();
                byCluster.put(context, status);
                reasons.put(context, check == null ? "no verdict of this line from this cluster" : check.reason());
                worst = worst.worse(status);
            }
            // the reason of the first cluster with the line's worst status: the one that decides it
            CheckStatus decisive = worst;
            String reason = worst == CheckStatus.PASS ? null : contexts.stream().filter(c -> byCluster.get(c) == decisive)
                    .findFirst().map(c -> c + ": " + reasons.get(c)).orElse(null);
            counts.merge(worst, 1, Integer::sum);
            lines.add(new Line(item.id(), item.section(), item.requirement(), worst, byCluster, reason));
        }
        Verdict first = inputs.isEmpty() ? null : inputs.get(0).verdict();
        boolean simulation = inputs.stream().anyMatch(i -> i.verdict().simulation());
        return new FleetVerdict(SCHEMA_VERSION, "fleet", fleet, simulation, first == null ? null : first.run().releaseTag(),
                first == null ? null : first.run().image(), digest, clusters, counts, lines);
    }

    public FleetVerdict {
        EnumMap<CheckStatus, Integer> all = new EnumMap<>(CheckStatus.class);
        for (CheckStatus s : CheckStatus.values()) {
            all.put(s, counts == null ? 0 : counts.getOrDefault(s, 0));
        }
        counts = all;
    }

    /** The one image digest of the fleet; verdicts that name another (or, without a digest, another image) are refused. */
    private static String oneImage(List<Input> inputs) {
        Set<String> digests = inputs.stream().map(i -> i.verdict().run().imageDigest()).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (digests.size() > 1) {
            throw new Refused("a fleet verdict is about one image digest, and these verdicts name " + digests.size() + ": "
                    + inputs.stream().map(i -> i.file() + " → " + i.verdict().run().imageDigest()).collect(Collectors.joining(", ")));
        }
        Set<String> images = inputs.stream().map(i -> i.verdict().run().image()).collect(Collectors.toCollection(LinkedHashSet::new));
        if (images.size() > 1) {
            throw new Refused("a fleet verdict is about one image, and these verdicts test " + String.join(" and ", images));
        }
        return digests.isEmpty() ? null : digests.iterator().next();
    }

    /** The cluster a verdict is of: its kube context (without what the run said about it), or its file. */
    private static String contextOf(Input input) {
        String context = input.verdict().run().contextName();
        return context == null ? input.file().toString() : context;
    }

    private static Decision worse(Decision a, Decision b) {
        return a == Decision.FAIL || b == Decision.FAIL ? Decision.FAIL
                : a == Decision.INCOMPLETE || b == Decision.INCOMPLETE ? Decision.INCOMPLETE : Decision.PASS;
    }
}
