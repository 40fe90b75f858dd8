package com.bffaccounting.gate.bench;

import com.bffaccounting.gate.selftest.FeatureRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Harness: how soon each way a rollout fails ends a deploy, at production settings ({@code helm.timeout=300s},
 * {@code cluster.failFastAfter=5s}, {@code cluster.unschedulableAfter=15s}, the chart's own readiness probe),
 * against the simulated pilot. For each rollout fault it runs Step 3 and Step 4 with {@code deploy=true} and
 * prints the C5.1 line's time (from the deploy's start, so an upper bound of "from the problem becoming
 * visible"), how long the problem had been seen when it was judged, and the ratio to Helm's 300 s timeout;
 * then the same for a verify-only run of {@code unschedulable} on sim settings, whole run included.
 */
public final class RolloutFailFastHarness {
    private static final Pattern LASTED = Pattern.compile("\\((\\w+), ([0-9.]+) s\\)");

    private RolloutFailFastHarness() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> faults = new LinkedHashMap<>();
        // a no-op value in place of sim.properties' compressed probe: the chart's own (3 + 3 × 5 s) applies
        String chartProbe = "replicaCount=2";
        for (String fault : List.of("image-pull-backoff", "crash-loop", "oom-killed", "unschedulable", "quota-exceeded",
                "progress-deadline", "evicted", "readiness-failing", "slow-ready")) {
            faults.put(fault, chartProbe);
        }
        faults.put("init-crash", chartProbe + ",migrations.enabled=true");
        faults.put("psa-rejected", chartProbe + ",securityContext.allowPrivilegeEscalation=true");
        faults.put("", chartProbe);
        System.out.println("| fault | C5.1 | deploy to verdict | problem seen for | × sooner than helm --wait 300 s | reason |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, String> fault : faults.entrySet()) {
            String label = "bench-rollout-" + (fault.getKey().isEmpty() ? "healthy" : fault.getKey());
            Map<String, String> settings = new LinkedHashMap<>(Map.of("env", "sim", "deploy", "true", "rollback", "false",
                    "helm.timeout", "300s", "cluster.failFastAfter", "5s", "cluster.unschedulableAfter", "15s",
                    "helm.set", fault.getValue()));
            settings.put("sim.faults", fault.getKey());
            FeatureRun run = FeatureRun.runTagged(label, settings, FeatureRun.ROLLOUT_CHECKS);
            FeatureRun.ScenarioResult deploy = run.results().stream().filter(r -> r.checklistIds().contains("C5.1")).findFirst().orElseThrow();
            double seconds = scenarioSeconds(label, "Helm 배포");
            String message = deploy.message() == null ? "" : deploy.message();
            Matcher lasted = LASTED.matcher(message);
            String seen = lasted.find() ? lasted.group(2) + " s (" + lasted.group(1) + ")" : "-";
            System.out.printf("| %s | %s | %.1f s | %s | %s | %s |%n", fault.getKey().isEmpty() ? "(healthy)" : fault.getKey(),
                    deploy.status(), seconds, seen, deploy.status().failsTheGate() ? String.format("%.0f×", 300 / seconds) : "-",
                    message.length() > 140 ? message.substring(0, 140) + "…" : message);
        }
        long start = System.nanoTime();
        FeatureRun verify = FeatureRun.runTagged("bench-rollout-unschedulable-verify", Map.of("env", "sim", "sim.faults", "unschedulable"),
                FeatureRun.CLUSTER_CHECKS);
        System.out.printf("%nverify-only unschedulable on sim settings: %.1f s for the whole run (failed %s)%n",
                (System.nanoTime() - start) / 1e9, verify.failedIds());
    }

    /** A scenario's time from the run's JUnit report (target/feature-runs/LABEL.xml). */
    private static double scenarioSeconds(String label, String namePrefix) throws IOException {
        String xml = Files.readString(Path.of("target/feature-runs/" + label + ".xml"));
        Matcher m = Pattern.compile("<testcase[^>]* name=\"" + Pattern.quote(namePrefix) + "[^\"]*\"[^>]*time=\"([0-9.]+)\"").matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("no scenario " + namePrefix + " in " + label);
        }
        return Double.parseDouble(m.group(1));
    }
}
