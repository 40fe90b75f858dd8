package com.bffaccounting.gate.config;

import com.bffaccounting.gate.model.ReleaseRef;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static com.bffaccounting.gate.config.SettingsCatalog.CONTAINER_PORT;
import static com.bffaccounting.gate.config.SettingsCatalog.CONTEXT;
import static com.bffaccounting.gate.config.SettingsCatalog.DEPLOY;
import static com.bffaccounting.gate.config.SettingsCatalog.DEPLOYMENT;
import static com.bffaccounting.gate.config.SettingsCatalog.EXPECTED_CONTEXT;
import static com.bffaccounting.gate.config.SettingsCatalog.FAIL_FAST_AFTER;
import static com.bffaccounting.gate.config.SettingsCatalog.HELM_RELEASE;
import static com.bffaccounting.gate.config.SettingsCatalog.HELM_TIMEOUT;
import static com.bffaccounting.gate.config.SettingsCatalog.KUBECONFIG;
import static com.bffaccounting.gate.config.SettingsCatalog.LOG_TAIL_LINES;
import static com.bffaccounting.gate.config.SettingsCatalog.NAMESPACE;
import static com.bffaccounting.gate.config.SettingsCatalog.REQUEST_TIMEOUT;
import static com.bffaccounting.gate.config.SettingsCatalog.ROLLBACK;

/**
 * The cluster and where the release lives in it; the two safety switches that allow writes.
 *
 * @param kubeconfig for env=cluster: {@code -Dkubeconfig}, else the first file of {@code $KUBECONFIG}, else
 *                   {@code ~/.kube/config} (whether it can be read is the preflight's business)
 */
public record ClusterSettings(Optional<Path> kubeconfig, Optional<String> context, Optional<String> expectedContext,
                              String namespace, String release, String deployment, int containerPort,
                              Duration helmTimeout, Duration failFastAfter, boolean deploy, boolean rollback,
                              int logTailLines, Duration requestTimeout) {
    static ClusterSettings read(SettingReader r, Env env) {
        Optional<Path> kubeconfig = r.optional(KUBECONFIG).map(Path::of);
        if (env == Env.CLUSTER && kubeconfig.isEmpty()) {
            // kubectl's own variable, read as kubectl reads it: a path list, of which this is the first file
            kubeconfig = Optional.ofNullable(System.getenv("KUBECONFIG")).filter(k -> !k.isBlank())
                    .map(k -> Path.of(k.split(java.io.File.pathSeparator)[0]))
                    .or(() -> Optional.of(Path.of(System.getProperty("user.home"), ".kube", "config")));
        }
        return new ClusterSettings(kubeconfig, r.optional(CONTEXT), r.optional(EXPECTED_CONTEXT), r.get(NAMESPACE),
                r.get(HELM_RELEASE), r.get(DEPLOYMENT), r.get(CONTAINER_PORT), r.get(HELM_TIMEOUT), r.get(FAIL_FAST_AFTER),
                r.get(DEPLOY), r.get(ROLLBACK), r.get(LOG_TAIL_LINES), r.get(REQUEST_TIMEOUT));
    }

    public boolean writesAllowed() {
        return deploy || rollback;
    }

    /** Where the release lives: namespace, Deployment, Helm release, container port — as one value. */
    public ReleaseRef ref() {
        return new ReleaseRef(namespace, deployment, release, containerPort);
    }
}
