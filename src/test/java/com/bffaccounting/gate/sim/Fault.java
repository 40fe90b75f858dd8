package com.bffaccounting.gate.sim;

import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.sim.cluster.ApiFaults;
import com.bffaccounting.gate.sim.cluster.PodFate;
import com.bffaccounting.gate.sim.cluster.SimAdmission;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The named fault switches of the simulated pilot (FAULTS.md). Each breaks one behaviour so that the
 * fault matrix can prove the check that watches it turns red, and says here, once, what it breaks: its part
 * of {@link FaultEffects}, which the simulator's rooms (SimPilot, SimRelease, SimImages, the simulated API
 * server, SimBff) read. No room asks which fault is on.
 */
public enum Fault {
    // the BFF (SimBff): each breaks one line of CONTRACT.md
    GATING_OFF("gating-off", e -> e.bff.gateEnforced = false),
    ALLOWLIST_EMPTY("allowlist-empty", e -> e.deployedWithEmptyAllowlist = true),
    TENANT_CASE_INSENSITIVE("tenant-case-insensitive", e -> e.bff.gateIgnoresCase = true),
    WRONG_ERROR_CODE("wrong-error-code", e -> e.bff.refusalCode = "FORBIDDEN"),
    TENANT_NOT_ECHOED("tenant-not-echoed", e -> e.bff.refusalEchoesTenant = false),
    PILOT_REFUSED("pilot-refused", e -> e.bff.lastPilotRefused = true),
    PILOT_UNAUTHORIZED("pilot-unauthorized", e -> e.bff.pilotAnswer = FaultEffects.Bff.PilotAnswer.UNAUTHORIZED),
    REFUSAL_NOT_LOGGED("refusal-not-logged", e -> e.bff.refusalsLogged = false),
    HEALTH_DOWN("health-down", e -> e.bff.healthStatus = 500),
    NOT_READY("not-ready", e -> e.bff.readyStatus = 503),
    METRICS_GATED("metrics-gated", e -> e.bff.metricsNeedTenant = true),
    NO_HTTP_REQUESTS_TOTAL("no-http-requests-total", e -> e.bff.exposesRequestCounter = false),
    REQUESTS_NOT_COUNTED("requests-not-counted", e -> e.bff.countsRequests = false),
    // the external systems the BFF syncs with
    SYNC_STALE("sync-stale", e -> e.firstSourceStale = true),
    SYNC_ERROR_RATE("sync-error-rate", e -> e.firstSourceErring = true),
    SYNC_METRICS_ABSENT("sync-metrics-absent", e -> e.bff.exposesSyncSeries = false),
    ALERT_STUCK("alert-stuck", e -> e.secondSourceStuck = true),
    ALERT_FLAP("alert-flap", e -> e.thirdSourceFlaps = true),
    // the registry
    IMAGE_MISSING("image-missing", e -> e.releaseTagAbsent = true),
    // the release's rollout: the ways a real one fails (RolloutClassifier), and two slow but healthy
    IMAGE_PULL_BACKOFF("image-pull-backoff", e -> e.rolloutBreaks(PodFate.pullFails("rpc error: code = Unknown desc = failed to pull and"
            + " unpack image: pull access denied: the node has no credentials for the registry"))),
    CRASH_LOOP("crash-loop", e -> e.rolloutBreaks(PodFate.crashLoops())),
    SLOW_ROLLOUT("slow-rollout", e -> e.podsReadyAfter(e.settings.sim.slowRolloutDelay())),
    UNSCHEDULABLE("unschedulable", e -> e.rolloutBreaks(PodFate.of(PodFate.Kind.UNSCHEDULABLE, "0/3 nodes are available: 3 Insufficient"
            + " cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."))),
    READINESS_FAILING("readiness-failing", e -> e.rolloutBreaks(PodFate.of(PodFate.Kind.NEVER_READY, "HTTP probe failed with statuscode: 503"))),
    /** A ResourceQuota of 1Gi on limits.memory, which the release before (2 × 512Mi) fills: the new ReplicaSet's first pod is refused. */
    QUOTA_EXCEEDED("quota-exceeded", e -> e.admissionRefuses(SimAdmission.memoryQuota("accounting-quota", "1Gi"))),
    /** The namespace enforces PodSecurity "restricted", which the release's pod meets only when its values do. */
    PSA_REJECTED("psa-rejected", e -> e.admissionRefuses(SimAdmission.podSecurityRestricted())),
    PROGRESS_DEADLINE("progress-deadline", e -> e.rolloutBreaks(PodFate.of(PodFate.Kind.PROGRESS_DEADLINE_PASSES, null))),
    OOM_KILLED("oom-killed", e -> e.rolloutBreaks(PodFate.of(PodFate.Kind.OOM_KILLED, "back-off restarting failed container"))),
    INIT_CRASH("init-crash", e -> e.rolloutBreaks(PodFate.of(PodFate.Kind.INIT_CRASH_LOOPS, "back-off restarting failed container",
            "> bff-accounting@1.0.0 migrate", "Running migration 20251203_add_tenant_index",
            "error: relation \"journal_entries_tenant_idx\" already exists"))),
    EVICTED("evicted", e -> e.rolloutBreaks(PodFate.of(PodFate.Kind.EVICTED, "The node was low on resource: memory. Threshold quantity:"
            + " 100Mi, available: 52Mi. Container bff-accounting was using 498Mi, request is 128Mi, has larger consumption of memory."))),
    /** Slow but healthy: ready at three quarters of the pod's own probe budget. */
    SLOW_READY("slow-ready", e -> e.podsLate(PodFate.of(PodFate.Kind.READY_INSIDE_PROBE_BUDGET, null))),
    // the cluster, as the suite reaches it
    NAMESPACE_MISSING("namespace-missing", e -> e.namespaceAbsent = true),
    CLUSTER_UNREACHABLE("cluster-unreachable", e -> e.apiServerDown = true),
    CHART_ENV_UNWIRED("chart-env-unwired", e -> e.chartEnvUnwired = true),
    ROLLBACK_TARGET_MISSING("rollback-target-missing", e -> e.rollbackTagAbsent = true),
    CREDENTIALS_REJECTED("credentials-rejected", e -> e.suiteUnbound = true),
    REGISTRY_NO_PULL_ACCESS("registry-no-pull-access", e -> e.pullsDenied = true),
    PILOT_ROLE_REFUSED("pilot-role-refused", e -> e.bff.pilotAnswer = FaultEffects.Bff.PilotAnswer.ROLE_FORBIDDEN),
    REGISTRY_UNREACHABLE("registry-unreachable", e -> e.registryUnreachable = true),
    BFF_DOWN("bff-down", e -> e.bff.listens = false),
    KUBECONFIG_CURRENT_CONTEXT_ELSEWHERE("kubeconfig-current-context-elsewhere", e -> e.currentContextElsewhere = true),
    // the simulated API server as unkind as a real one (ApiFaults)
    API_FLAKY("api-flaky", e -> e.apiFlaky = true),
    API_UNAUTHORIZED("api-unauthorized", e -> e.apiUnauthorized = true),
    API_SLOW("api-slow", e -> e.apiDelay = e.settings.sim.apiDelay()),
    API_HANG("api-hang", e -> e.apiHangPath = e.settings.sim.apiHang()),
    FORBID_SECRETS("forbid-secrets", e -> e.forbidden.add("secrets")),
    FORBID_POD_LOGS("forbid-pod-logs", e -> e.forbidden.add("pods/log")),
    FORBID_EVENTS("forbid-events", e -> e.forbidden.add("events")),
    FORBID_PORT_FORWARD("forbid-port-forward", e -> e.forbidden.add("pods/portforward")),
    FORBID_WRITES("forbid-writes", e -> e.forbidden.add(ApiFaults.WRITES)),
    CRD_MISSING("crd-missing", e -> e.crdsMissing = true),
    /** The webhook refuses the Deployment of the new tag, so the previous tag is what runs before the run. */
    WEBHOOK_DENIED("webhook-denied", e -> e.webhookDenies = true);

    private final String id;
    private final Consumer<FaultEffects> breaks;

    Fault(String id, Consumer<FaultEffects> breaks) {
        this.id = id;
        this.breaks = breaks;
    }

    /** The faults this run switched on ({@code sim.faults}), in the order declared here. */
    static Set<Fault> activeIn(Settings settings) {
        Set<Fault> active = EnumSet.noneOf(Fault.class);
        Arrays.stream(values()).filter(f -> settings.sim.faults().contains(f.id)).forEach(active::add);
        return active;
    }

    /** Its part of what the run's faults break. */
    void applyTo(FaultEffects effects) {
        breaks.accept(effects);
    }

    public String id() {
        return id;
    }

    public static boolean isKnown(String id) {
        return Arrays.stream(values()).anyMatch(f -> f.id.equals(id));
    }
}
