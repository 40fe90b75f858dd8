package com.bffaccounting.gate.helm;

import com.bffaccounting.gate.kube.Kubeconfigs;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Helm through helm-java: the real Helm library (Go, through JNI), no helm binary needed. Each method
 * mirrors the helm command the checklist would run.
 */
public final class HelmClient {
    private final Path kubeconfig;
    private final Options options;
    private final AtomicInteger writesAsked = new AtomicInteger();

    /**
     * How Helm may act.
     *
     * @param writesAllowed    false in a verify-only run: upgrade and install are refused before helm-java is called
     * @param schemaValidation Helm's client-side schema validation against the API server's OpenAPI document
     *                         (the simulated API server serves none)
     */
    public record Options(boolean writesAllowed, boolean schemaValidation) {
    }

    /** A write asked of Helm in a run that may not change the cluster; nothing was sent. */
    public static final class WriteRefused extends IllegalStateException {
        WriteRefused(String command) {
            super("verify-only run: refused to run " + command + " (deploy and rollback need -Ddeploy=true or -Drollback=true)");
        }
    }

    /**
     * @param kubeConfigContents the kubeconfig to act on; Helm uses its current context
     */
    public HelmClient(String kubeConfigContents, Options options) {
        // helm-java's install path ignores kubeconfig *contents* (it falls back to localhost:8080)
        this.kubeconfig = Kubeconfigs.privateFile(kubeConfigContents);
        this.options = options;
    }

    /** How many times Helm was asked to change the cluster (refused ones included). */
    public int writesAsked() {
        return writesAsked.get();
    }

    public boolean writesAllowed() {
        return options.writesAllowed();
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

    /**
     * {@code helm upgrade --install RELEASE CHART -n NS --set ... --wait --timeout T}, into a namespace that exists:
     * a missing one is created by the deploy, with the suite's own client ({@link GuardedDeploy}), because Helm's
     * {@code --create-namespace} validates the Namespace against the server's OpenAPI document, which not every API
     * server (the simulated one among them) serves.
     */
    public Release upgradeInstall(Path chart, String release, String namespace, HelmValues values, Duration timeout) {
        return upgrade(chart, release, namespace, values).waitReady().withTimeout((int) Math.max(1, timeout.toSeconds())).call();
    }

    private UpgradeCommand upgrade(Path chart, String release, String namespace, HelmValues values) {
        writesAsked.incrementAndGet();
        if (!options.writesAllowed()) {
            throw new WriteRefused("helm upgrade --install " + release + " -n " + namespace);
        }
        requireChart(chart);
        UpgradeCommand command = new Helm(chart).upgrade().install().withName(release).withNamespace(namespace)
                .withKubeConfig(kubeconfig);
        if (!options.schemaValidation()) {
            command = command.disableOpenApiValidation();
        }
        for (Map.Entry<String, String> e : values.asMap().entrySet()) {
            command = command.set(e.getKey(), e.getValue());
        }
        return command;
    }

    /** {@code helm status RELEASE -n NS}. */
    public Release status(String release, String namespace) {
        return Helm.status(release).withNamespace(namespace).withKubeConfig(kubeconfig).call();
    }

    /** {@code helm history RELEASE -n NS}. */
    public List<ReleaseHistory> history(String release, String namespace) {
        return Helm.history(release).withNamespace(namespace).withKubeConfig(kubeconfig).call();
    }

    private static void requireChart(Path chart) {
        if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new IllegalArgumentException("chart.path: " + chart.toAbsolutePath() + " has no Chart.yaml");
        }
    }
}
