package com.bffaccounting.gate.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run learned about its target (env, image, kube context, Helm version, BFF endpoint, image
 * digest…), for verdict.json, the Allure environment widget and the console summary. Owned by the run
 * ({@code run.GateRun#facts()}): the composition records what it connected to, a few steps what they found
 * out, and the verdict reads {@link #snapshot()} when the run has finished. One method per fact; the
 * snapshot's keys are the names verdict.json and the report use. Values pass through redaction before
 * they are written anywhere.
 *
 * <p>Some facts arrive from more than one thread (the Prometheus started in the background), hence the
 * synchronised map.
 */
public final class RunFacts {
    private final Map<String, String> facts = Collections.synchronizedMap(new LinkedHashMap<>());

    public void env(String env) {
        facts.put("env", env);
    }

    public void image(String image) {
        facts.put("image", image);
    }

    public void releaseTag(String tag) {
        facts.put("release.tag", tag);
    }

    public void helmVersion(String version) {
        facts.put("helm.version", version);
    }

    public void chartVersion(String nameAndVersion) {
        facts.put("chart.version", nameAndVersion);
    }

    /** What stands in for the real thing in this run (the simulated pilot), when anything does. */
    public void standIn(String what) {
        facts.put("standIn", what);
    }

    public void localCluster(String what) {
        facts.put("localCluster", what);
    }

    public void kubeContext(String contextAndOrigin) {
        facts.put("kube.context", contextAndOrigin);
    }

    public void kubeApiServer(String url) {
        facts.put("kube.apiServer", url);
    }

    /** The chart's name and version, apart (chart.version joins them for people: bff-accounting-0.3.0). */
    public void chart(String name, String version) {
        facts.put("chart.name", name);
        facts.put("chart.semver", version);
    }

    /** The cluster's identity (kube-system's UID), or "unknown: why". */
    public void kubeSystemUid(String uid) {
        facts.put("kube.systemUid", uid);
    }

    /** The image repository under test, without tag or digest: the attestation's subject. */
    public void imageRepository(String repository) {
        facts.put("image.repository", repository);
    }

    /** sha256 of the chart's files (ChartDigest), and of the values deployed or verified with it (HelmValues.digest). */
    public void chartDigest(String digest) {
        facts.put("chart.digest", digest);
    }

    public void valuesDigest(String digest, boolean deployed) {
        if (!deployed && "true".equals(facts.get("values.deployed"))) {
            return; // what was deployed outranks what was only verified
        }
        facts.put("values.digest", digest);
        facts.put("values.deployed", String.valueOf(deployed));
    }

    /** The suite's own version: the git commit it runs from, or "unknown: why". */
    public void suiteVersion(String version) {
        facts.put("suite.version", version);
    }

    public void kubeVersion(String version) {
        facts.put("kube.version", version);
    }

    /** How the BFF is reached: its URL and the way there (port-forward, process, container). */
    public void bff(String urlAndWay) {
        facts.put("bff", urlAndWay);
    }

    /** Which Prometheus the C12 checks ask, or why there is none. */
    public void prometheus(String what) {
        facts.put("prometheus", what);
    }

    public void imageDigest(String digest) {
        facts.put("image.digest", digest);
    }

    public void chartPath(String path) {
        facts.put("chart.path", path);
    }

    public void helmRevision(String revision) {
        facts.put("helm.revision", revision);
    }

    /** Transient answers of the API server (429, 5xx, a reset connection) that the suite asked again and got past. */
    public void kubeRetries(int retries) {
        facts.put("kube.retries", String.valueOf(retries));
    }

    /** Why the run could not be set up, in one line (the run says so when it cannot build its targets). */
    public void runError(String error) {
        facts.put("run.error", error);
    }

    /** The facts so far, in the order they were learned, under the names verdict.json uses. */
    public Map<String, String> snapshot() {
        synchronized (facts) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        }
    }
}
