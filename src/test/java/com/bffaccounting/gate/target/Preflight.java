package com.bffaccounting.gate.target;

import com.bffaccounting.gate.config.ConfigException;
import com.bffaccounting.gate.config.Env;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.kube.KubeClient;
import com.bffaccounting.gate.sim.cluster.SimCluster;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Checks made before anything touches a cluster: the kubeconfig parses and has the requested context,
 * and that context is the one the run expects. A mismatch is a one-line setting error and nothing is
 * sent to any cluster.
 */
public final class Preflight {
    private Preflight() {
    }

    /**
     * For {@code PrepareRun}: the kubeconfig and its context (no network), and that a configured
     * Prometheus answers — a mistyped URL is a setting error, not nine inconclusive checks.
     */
    public static void check(Settings settings) {
        settings.prometheus.url().ifPresent(url -> prometheusAnswers(url, settings.prometheus.queryTimeout()));
        if (settings.env == Env.CLUSTER) {
            String source = settings.cluster.kubeconfig().orElseThrow().toString();
            String yaml;
            try {
                yaml = Files.readString(settings.cluster.kubeconfig().get());
            } catch (IOException e) {
                throw new ConfigException("kubeconfig: cannot read " + source + " (" + e.getMessage() + ")");
            }
            kubeClient(settings, yaml, source).close();
        } else if (settings.env == Env.SIM) {
            settings.cluster.expectedContext().filter(expected -> !expected.equals(SimCluster.CONTEXT)).ifPresent(expected -> {
                throw wrongContext(expected, SimCluster.CONTEXT, "the simulated kubeconfig");
            });
        }
    }

    static void prometheusAnswers(java.net.URI url, java.time.Duration timeout) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder().connectTimeout(timeout).build()
                    .send(java.net.http.HttpRequest.newBuilder(url.resolve("/api/v1/status/buildinfo")).timeout(timeout).GET().build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("\"success\"")) {
                throw new ConfigException("prometheus.url: " + url + " answered " + response.statusCode()
                        + " to /api/v1/status/buildinfo — is it the Prometheus server's base URL?");
            }
        } catch (IOException e) {
            throw new ConfigException("prometheus.url: " + url + " did not answer (" + e.getClass().getSimpleName()
                    + ") — check the URL, or port-forward: kubectl port-forward -n monitoring svc/prometheus 9090");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("prometheus.url: interrupted while checking " + url);
        }
    }

    /** A client for the configured context, refused when it is not the expected one. */
    static KubeClient kubeClient(Settings settings, String kubeconfig, String source) {
        KubeClient kube;
        try {
            kube = KubeClient.fromKubeconfig(kubeconfig, source, settings.cluster.context(),
                    (int) settings.cluster.requestTimeout().toMillis(), settings.cluster.writesAllowed());
        } catch (KubeClient.KubeconfigException e) {
            throw new ConfigException(e.getMessage());
        }
        if (settings.cluster.expectedContext().isPresent() && !settings.cluster.expectedContext().get().equals(kube.context())) {
            String actual = kube.context();
            kube.close();
            throw wrongContext(settings.cluster.expectedContext().get(), actual, source);
        }
        return kube;
    }

    private static ConfigException wrongContext(String expected, String actual, String source) {
        return new ConfigException("cluster.expectedContext: '" + expected + "' expected, but " + source + " selects context '"
                + actual + "' — refusing to run against it (switch context, or pass -Dcluster.context=" + expected + ")");
    }
}
