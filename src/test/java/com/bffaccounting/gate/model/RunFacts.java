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
