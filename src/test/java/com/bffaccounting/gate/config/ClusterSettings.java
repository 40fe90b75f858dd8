package com.bffaccounting.gate.config;

import com.bffaccounting.gate.model.ReleaseRef;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import static com.bffaccounting.gate.config.SettingsCatalog.UNSCHEDULABLE_AFTER;
import static com.bffaccounting.gate.config.SettingsCatalog.HELM_SET;

/**
 * The cluster and where the release lives in it; the two safety switches that allow writes.
 *
 * @param kubeconfigFiles for env=cluster, as kubectl finds them: {@code -Dkubeconfig} alone, else the files of
 *                        kubectl's own {@code $KUBECONFIG} path list (merged), else {@code ~/.kube/config};
 *                        whether they can be read is the preflight's business
 */
public record ClusterSettings(List<Path> kubeconfigFiles, Optional<String> context, Optional<String> expectedContext,
                              String namespace, String release, String deployment, int containerPort,
                              Duration helmTimeout, Duration failFastAfter, boolean deploy, boolean rollback,
                              int logTailLines, Duration requestTimeout, Duration unschedulableAfter,
                              Map<String, String> helmSet) {
    static ClusterSettings read(SettingReader r, Env env) {
        List<Path> kubeconfigs = r.optional(KUBECONFIG).map(k -> List.of(Path.of(k))).orElse(List.of());
        if (env == Env.CLUSTER && kubeconfigs.isEmpty()) {
            // kubectl's own variable, read as kubectl reads it: a path list
            kubeconfigs = Optional.ofNullable(System.getenv("KUBECONFIG")).filter(k -> !k.isBlank())
                    .map(k -> Arrays.stream(k.split(File.pathSeparator)).filter(p -> !p.isBlank()).map(Path::of).toList())
                    .orElse(List.of(Path.of(System.getProperty("user.home"), ".kube", "config")));
        }
        return new ClusterSettings(kubeconfigs, r.optional(CONTEXT), r.optional(EXPECTED_CONTEXT), r.get(NAMESPACE),
                r.get(HELM_RELEASE), r.get(DEPLOYMENT), r.get(CONTAINER_PORT), r.get(HELM_TIMEOUT), r.get(FAIL_FAST_AFTER),
                r.get(DEPLOY), r.get(ROLLBACK), r.get(LOG_TAIL_LINES), r.get(REQUEST_TIMEOUT), r.get(UNSCHEDULABLE_AFTER),
                r.optional(HELM_SET).orElse(Map.of()));
    }

    public boolean writesAllowed() {
        return deploy || rollback;
    }

    /** Where the release lives: namespace, Deployment, Helm release, container port — as one value. */
    public ReleaseRef ref() {
        return new ReleaseRef(namespace, deployment, release, containerPort);
    }
}
