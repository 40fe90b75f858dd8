package com.bffaccounting.gate.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

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
}
