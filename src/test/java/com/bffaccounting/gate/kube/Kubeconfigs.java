package com.bffaccounting.gate.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** Kubeconfig documents as the suite hands them on. */
public final class Kubeconfigs {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kubeconfigs() {
    }

    /**
     * The kubeconfig in a file only this user can read, deleted when the JVM exits — for Helm, whose
     * install path ignores kubeconfig contents given in memory.
     */
    public static Path privateFile(String kubeconfigYaml) {
        try {
            Path file = Files.createTempFile("release-gate-kubeconfig", ".yaml",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, kubeconfigYaml);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary kubeconfig for Helm", e);
        }
    }

    /**
     * The same kubeconfig with {@code context} as its current context. Helm (helm-java has no context
     * option) acts on the current context: without this, a run given {@code -Dcluster.context} would read
     * one cluster with fabric8 and deploy to another with Helm.
     */
    public static String withCurrentContext(String kubeconfigYaml, String context) {
        try {
            ObjectNode config = (ObjectNode) YAML.readTree(kubeconfigYaml);
            config.put("current-context", context);
            return YAML.writeValueAsString(config);
        } catch (IOException | ClassCastException e) {
            throw new UncheckedIOException("kubeconfig: cannot be rewritten for Helm", e instanceof IOException io ? io : new IOException(e.getMessage()));
        }
    }

    /**
     * The kubeconfig's settings for {@code context} (its current one when empty), checked as a client would act on them.
     *
     * @throws KubeErrors.KubeconfigException with one line when the kubeconfig cannot be read or has no such context
     */
    static Config config(String kubeconfigYaml, String kubeconfigPath, Optional<String> context) {
        Config config;
        try {
            config = Config.fromKubeconfig(context.orElse(null), kubeconfigYaml, null);
        } catch (KubernetesClientException | IllegalArgumentException e) {
            throw new KubeErrors.KubeconfigException("kubeconfig " + kubeconfigPath + ": " + e.getMessage());
        }
        if (config.getCurrentContext() == null) {
            throw new KubeErrors.KubeconfigException("kubeconfig " + kubeconfigPath + " selects no context"
                    + context.map(c -> " (no context named '" + c + "')").orElse(" (set current-context or -Dcluster.context)"));
        }
        if (context.isPresent() && !context.get().equals(config.getCurrentContext().getName())) {
            throw new KubeErrors.KubeconfigException("kubeconfig " + kubeconfigPath + " has no context named '" + context.get() + "'");
        }
        return config;
    }
}
