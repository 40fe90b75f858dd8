package com.bffaccounting.gate.sim;

import com.bffaccounting.gate.config.Settings;

import com.bffaccounting.gate.sim.cluster.ApiFaults;
import com.bffaccounting.gate.sim.cluster.PodFate;
import com.bffaccounting.gate.sim.cluster.SimAdmission;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The named fault switches of the simulated pilot (FAULTS.md). Each breaks one behaviour so that the
 * fault matrix can prove the check that watches it turns red. What a fault does to the cluster is said here,
 * once, as data the simulator reads: the fate of the pilot's pods, whether the seeded rollout is left half
 * done, what the API server refuses to create, and what it forbids the suite. SimBff reads its own switches
 * from its config ({@link SimBffConfig#has}).
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
    IMAGE_PULL_BACKOFF("image-pull-backoff", PodFate.pullFails("rpc error: code = Unknown desc = failed to pull and unpack image: "
            + "pull access denied: the node has no credentials for the registry"), true),
    CRASH_LOOP("crash-loop", PodFate.crashLoops(), true),
    SLOW_ROLLOUT("slow-rollout"),
    // the ways a real rollout fails (RolloutClassifier), and one slow but healthy
    UNSCHEDULABLE("unschedulable", PodFate.of(PodFate.Kind.UNSCHEDULABLE, "0/3 nodes are available: 3 Insufficient cpu. "
            + "preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."), true),
    READINESS_FAILING("readiness-failing", PodFate.of(PodFate.Kind.NEVER_READY, "HTTP probe failed with statuscode: 503"), true),
    /** A ResourceQuota of 1Gi on limits.memory, which the release before (2 × 512Mi) fills: the new ReplicaSet's first pod is refused. */
    QUOTA_EXCEEDED("quota-exceeded", () -> SimAdmission.memoryQuota("accounting-quota", "1Gi")),
    /** The namespace enforces PodSecurity "restricted", which the release's pod meets only when its values do. */
    PSA_REJECTED("psa-rejected", SimAdmission::podSecurityRestricted),
    PROGRESS_DEADLINE("progress-deadline", PodFate.of(PodFate.Kind.PROGRESS_DEADLINE_PASSES, null), true),
    OOM_KILLED("oom-killed", PodFate.of(PodFate.Kind.OOM_KILLED, "back-off restarting failed container"), true),
    INIT_CRASH("init-crash", PodFate.of(PodFate.Kind.INIT_CRASH_LOOPS, "back-off restarting failed container",
            "> bff-accounting@1.0.0 migrate", "Running migration 20251203_add_tenant_index",
            "error: relation \"journal_entries_tenant_idx\" already exists"), true),
    EVICTED("evicted", PodFate.of(PodFate.Kind.EVICTED, "The node was low on resource: memory. Threshold quantity: 100Mi, "
            + "available: 52Mi. Container bff-accounting was using 498Mi, request is 128Mi, has larger consumption of memory."), true),
    /** Slow but healthy: ready at three quarters of the pod's own probe budget. */
    SLOW_READY("slow-ready", PodFate.of(PodFate.Kind.READY_INSIDE_PROBE_BUDGET, null), false),
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
    FORBID_SECRETS("forbid-secrets", "secrets"),
    FORBID_POD_LOGS("forbid-pod-logs", "pods/log"),
    FORBID_EVENTS("forbid-events", "events"),
    FORBID_PORT_FORWARD("forbid-port-forward", "pods/portforward"),
    FORBID_WRITES("forbid-writes", ApiFaults.WRITES),
    CRD_MISSING("crd-missing"),
    WEBHOOK_DENIED("webhook-denied");

    private final String id;
    /** The pilot tag's pods, as this fault has them (rollout faults). */
    private final PodFate podFate;
    /** Whether it leaves the seeded rollout half done, the release before still serving. */
    private final boolean breaksRollout;
    /** What the API server then refuses to create (quota, PodSecurity). */
    private final Supplier<SimAdmission> admission;
    /** The resource the API server then forbids the suite (a 403, as RBAC would). */
    private final String forbids;

    Fault(String id) {
        this(id, null, false, null, null);
    }

    Fault(String id, PodFate podFate, boolean breaksRollout) {
        this(id, podFate, breaksRollout, null, null);
    }

    Fault(String id, Supplier<SimAdmission> admission) {
        this(id, null, true, admission, null);
    }

    Fault(String id, String forbids) {
        this(id, null, false, null, forbids);
    }

    Fault(String id, PodFate podFate, boolean breaksRollout, Supplier<SimAdmission> admission, String forbids) {
        this.id = id;
        this.podFate = podFate;
        this.breaksRollout = breaksRollout;
        this.admission = admission;
        this.forbids = forbids;
    }

    /** The faults this run switched on ({@code sim.faults}), in the order declared here. */
    public static Set<Fault> activeIn(Settings settings) {
        Set<Fault> active = EnumSet.noneOf(Fault.class);
        Arrays.stream(values()).filter(f -> f.in(settings)).forEach(active::add);
        return active;
    }

    public Optional<PodFate> podFate() {
        return Optional.ofNullable(podFate);
    }

    public boolean breaksRollout() {
        return breaksRollout;
    }

    public Optional<SimAdmission> admission() {
        return Optional.ofNullable(admission).map(Supplier::get);
    }

    public Optional<String> forbids() {
        return Optional.ofNullable(forbids);
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
