package com.bffaccounting.gate.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.ReleaseHistory;
import com.marcnuri.helm.TemplateCommand;
import com.marcnuri.helm.UpgradeCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Helm through helm-java: the real Helm library (Go, through JNI), no helm binary needed. Each method
 * mirrors the helm command the checklist would run.
 */
public final class HelmClient {
    private final String kubeConfigContents;

    /** @param kubeConfigContents the kubeconfig to act on; null for client-only work (lint, template). */
    public HelmClient(String kubeConfigContents) {
        this.kubeConfigContents = kubeConfigContents;
    }

    public static String version() {
        return Helm.version().call();
    }

    /** {@code helm lint --strict CHART --set ...}. */
    public static LintResult lint(Path chart) {
        requireChart(chart);
        return new Helm(chart).lint().strict().call();
    }

    /** {@code helm template RELEASE CHART -n NS --set ...}: the manifests as one multi-document YAML. */
    public static String template(Path chart, String release, String namespace, HelmValues values) {
        requireChart(chart);
        TemplateCommand command = new Helm(chart).template().withName(release).withNamespace(namespace);
        for (Map.Entry<String, String> e : values.asMap().entrySet()) {
            command = command.set(e.getKey(), e.getValue());
        }
        return command.call();
    }

    /** {@code helm upgrade --install RELEASE CHART -n NS --set ... --wait --timeout T}. */
    public Release upgradeInstall(Path chart, String release, String namespace, HelmValues values, Duration timeout,
                                  boolean createNamespace) {
        requireChart(chart);
        UpgradeCommand command = new Helm(chart).upgrade().install().withName(release).withNamespace(namespace)
                .withKubeConfigContents(kubeConfigContents).waitReady()
                .withTimeout((int) Math.max(1, timeout.toSeconds()));
        if (createNamespace) {
            command = command.createNamespace();
        }
        for (Map.Entry<String, String> e : values.asMap().entrySet()) {
            command = command.set(e.getKey(), e.getValue());
        }
        return command.call();
    }

    /** {@code helm history RELEASE -n NS}. */
    public List<ReleaseHistory> history(String release, String namespace) {
        return Helm.history(release).withNamespace(namespace).withKubeConfigContents(kubeConfigContents).call();
    }

    /** {@code helm status RELEASE -n NS}. */
    public Release status(String release, String namespace) {
        return Helm.status(release).withNamespace(namespace).withKubeConfigContents(kubeConfigContents).call();
    }

    private static void requireChart(Path chart) {
        if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new IllegalArgumentException("chart.path: " + chart.toAbsolutePath() + " has no Chart.yaml");
        }
    }
}
