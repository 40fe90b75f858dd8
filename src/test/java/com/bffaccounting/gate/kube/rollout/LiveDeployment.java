package com.bffaccounting.gate.kube.rollout;

import com.bffaccounting.gate.kube.KubeClient;

import com.bffaccounting.gate.model.ReleaseRef;
import com.bffaccounting.gate.outcome.CheckFailed;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Deployment as it runs in the cluster ({@code kubectl get deployment -o yaml}), checked against
 * what was asked for: C5.3 (image and allowlist) and C13.1 (the previous tag, rolled out).
 */
public final class LiveDeployment {
    static final String ALLOWLIST_ENV = "OS_TENANT_ALLOWLIST_JSON";

    private final Deployment deployment;
    private final String name;

    private LiveDeployment(Deployment deployment, String name) {
        this.deployment = deployment;
        this.name = name;
    }

    /** The live Deployment; a FAIL when it does not exist. */
    public static LiveDeployment read(KubeClient kube, ReleaseRef release) {
        return new LiveDeployment(kube.deployment(release.namespace(), release.deployment())
                .orElseThrow(() -> new CheckFailed(release.deploymentName() + " does not exist in namespace " + release.namespace())),
                release.deployment());
    }

    public String image() {
        return container().getImage();
    }

    public Optional<String> allowlist() {
        return Optional.ofNullable(container().getEnv()).orElse(List.of()).stream()
                .filter(e -> ALLOWLIST_ENV.equals(e.getName())).map(EnvVar::getValue).findFirst();
    }

    /** C5.3: exactly the requested image and allowlist; a missing allowlist is a failed gate, not a default. */
    public void requireRuns(String wantedImage, String wantedAllowlist) {
        List<String> problems = new ArrayList<>();
        if (!wantedImage.equals(image())) {
            problems.add("image is " + image() + " instead of " + wantedImage);
        }
        Optional<String> allowlist = allowlist();
        if (allowlist.isEmpty()) {
            problems.add(ALLOWLIST_ENV + " is not set — a missing allowlist is a failed gate, not a default");
        } else if (!allowlist.get().equals(wantedAllowlist)) {
            problems.add(ALLOWLIST_ENV + " is '" + allowlist.get() + "' instead of '" + wantedAllowlist + "'"
                    + (allowlist.get().replaceAll("\\s", "").equals("[]") ? " — '[]' lets every tenant in, which the pilot forbids" : ""));
        }
        if (!problems.isEmpty()) {
            throw new CheckFailed("deployment/" + name + " does not run what was requested: " + String.join("; ", problems));
        }
    }

    /** C13.1: runs {@code wantedImage} and its rollout is complete. */
    public void requireRolledOutTo(String wantedImage) {
        if (!wantedImage.equals(image())) {
            throw new CheckFailed("after the rollback deployment/" + name + " runs " + image() + " instead of " + wantedImage);
        }
        RolloutInspector.rolloutComplete(deployment).ifPresent(problem -> {
            throw new CheckFailed("after the rollback deployment/" + name + " is not ready: " + problem);
        });
    }

    private Container container() {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }
}
