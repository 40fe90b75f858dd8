package com.bffaccounting.gate.sim;

import com.bffaccounting.gate.config.Settings;

import java.util.Arrays;

/**
 * The named fault switches of the simulated pilot (FAULTS.md). Each breaks one behaviour so that the
 * fault matrix can prove the check that watches it turns red.
 */
public enum Fault {
    GATING_OFF("gating-off"),
    ALLOWLIST_EMPTY("allowlist-empty"),
    TENANT_CASE_INSENSITIVE("tenant-case-insensitive"),
    WRONG_ERROR_CODE("wrong-error-code"),
    TENANT_NOT_ECHOED("tenant-not-echoed"),
    PILOT_REFUSED("pilot-refused"),
    PILOT_UNAUTHORIZED("pilot-unauthorized"),
    REFUSAL_NOT_LOGGED("refusal-not-logged"),
    HEALTH_DOWN("health-down"),
    NOT_READY("not-ready"),
    METRICS_GATED("metrics-gated"),
    NO_HTTP_REQUESTS_TOTAL("no-http-requests-total"),
    REQUESTS_NOT_COUNTED("requests-not-counted"),
    SYNC_STALE("sync-stale"),
    SYNC_ERROR_RATE("sync-error-rate"),
    SYNC_METRICS_ABSENT("sync-metrics-absent"),
    ALERT_STUCK("alert-stuck"),
    ALERT_FLAP("alert-flap"),
    IMAGE_MISSING("image-missing"),
    IMAGE_PULL_BACKOFF("image-pull-backoff"),
    CRASH_LOOP("crash-loop"),
    SLOW_ROLLOUT("slow-rollout"),
    // the ways a real rollout fails (RolloutClassifier), and one slow but healthy
    UNSCHEDULABLE("unschedulable"),
    READINESS_FAILING("readiness-failing"),
    QUOTA_EXCEEDED("quota-exceeded"),
    PSA_REJECTED("psa-rejected"),
    PROGRESS_DEADLINE("progress-deadline"),
    OOM_KILLED("oom-killed"),
    INIT_CRASH("init-crash"),
    EVICTED("evicted"),
    SLOW_READY("slow-ready"),
    NAMESPACE_MISSING("namespace-missing"),
    CLUSTER_UNREACHABLE("cluster-unreachable"),
    CHART_ENV_UNWIRED("chart-env-unwired"),
    ROLLBACK_TARGET_MISSING("rollback-target-missing"),
    CREDENTIALS_REJECTED("credentials-rejected"),
    REGISTRY_NO_PULL_ACCESS("registry-no-pull-access"),
    PILOT_ROLE_REFUSED("pilot-role-refused"),
    REGISTRY_UNREACHABLE("registry-unreachable"),
    BFF_DOWN("bff-down"),
    KUBECONFIG_CURRENT_CONTEXT_ELSEWHERE("kubeconfig-current-context-elsewhere"),
    // the simulated cluster as unkind as a real one (ApiFaults)
    API_FLAKY("api-flaky"),
    API_UNAUTHORIZED("api-unauthorized"),
    API_SLOW("api-slow"),
    API_HANG("api-hang"),
    FORBID_SECRETS("forbid-secrets"),
    FORBID_POD_LOGS("forbid-pod-logs"),
    FORBID_EVENTS("forbid-events"),
    FORBID_PORT_FORWARD("forbid-port-forward"),
    FORBID_WRITES("forbid-writes"),
    CRD_MISSING("crd-missing"),
    WEBHOOK_DENIED("webhook-denied");

    private final String id;

    Fault(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether this run switched it on ({@code sim.faults}). */
    public boolean in(Settings settings) {
        return settings.sim.faults().contains(id);
    }

    public static boolean isKnown(String id) {
        return Arrays.stream(values()).anyMatch(f -> f.id.equals(id));
    }
}
