package com.bffaccounting.gate.config;


import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.bffaccounting.gate.config.Setting.Target.CLUSTER;
import static com.bffaccounting.gate.config.Setting.Target.LOCAL;
import static com.bffaccounting.gate.config.Setting.Target.LOCAL_K3S;
import static com.bffaccounting.gate.config.Setting.Target.SIM;

/**
 * Every setting of the suite, declared once, in the order of the README's table (which
 * {@link SettingsDoc} writes and a project test compares). A name under one of the suite's prefixes
 * that is not declared here is refused with the closest declared name.
 */
public final class SettingsCatalog {
    private SettingsCatalog() {
    }

    private static final List<Setting<?>> ALL = new ArrayList<>();

    private static <T> Setting<T> declare(Setting<T> setting) {
        ALL.add(setting);
        return setting;
    }

    // --- the run ---
    /** An unknown env stops the reading at once: every other setting's meaning depends on it. */
    public static final Setting<Env> ENV = declare(Setting.of("env", Env::parse, "sim", "`sim`, `local` or `cluster`"));
    public static final Setting<String> REPORT_DIR = declare(Setting.of("report.dir", SettingType.TEXT, "reports",
            "verdict.json and Allure output; one run at a time (a second run on it stops at once)"));
    public static final Setting<Boolean> DEPLOY = declare(Setting.of("deploy", SettingType.BOOLEAN, "false",
            "allow Step 3 (writes): a safety switch, `-D` only").commandLineOnly());
    public static final Setting<Boolean> ROLLBACK = declare(Setting.of("rollback", SettingType.BOOLEAN, "false",
            "allow C13.1, the rollback (writes): a safety switch, `-D` only").commandLineOnly());

    // --- what is released ---
    public static final Setting<String> IMAGE_REPOSITORY = declare(Setting.of("image.repository", SettingType.IMAGE_REPOSITORY,
            "ghcr.io/tristan00037-tristan050/tristan050-ai_ondevice_app/bff-accounting",
            "image under test (lower case); `…@sha256:…` pins its digest like `image.digest`"));
    public static final Setting<String> IMAGE_TAG = declare(Setting.of("image.tag", SettingType.IMAGE_TAG, "r7-h-pilot-20251203",
            "tag under test (the release tag)"));
    public static final Setting<String> IMAGE_DIGEST = declare(Setting.of("image.digest", SettingType.DIGEST, null,
            "the digest the tag must resolve to (C4.1); the image is then deployed and compared (C5.3) by it"));
    public static final Setting<String> ROLLBACK_TAG = declare(Setting.of("rollback.tag", SettingType.IMAGE_TAG, "r7-final-20251203",
            "previous tag, the rollback target"));
    public static final Setting<String> CHART_PATH = declare(Setting.of("chart.path", SettingType.TEXT, "charts/bff-accounting",
            "the chart Step 3 deploys and C5.2 verifies (relative: to where you run the command)"));

    // --- the pilot's gating ---
    public static final Setting<List<String>> ALLOWLIST = declare(Setting.of("pilot.allowlist", SettingType.TENANT_JSON_ARRAY,
            "[\"default\",\"pilot-a\"]", "JSON array of tenant strings; `[]` is refused (all tenants)"));
    public static final Setting<List<String>> NON_PILOT_TENANTS = declare(Setting.of("pilot.nonPilotTenants", SettingType.TENANT_LIST,
            "pilot-b,test-tenant,unauthorized", "tenants that must be refused"));
    public static final Setting<String> PROBE_METHOD = declare(Setting.of("gating.probeMethod", SettingType.HTTP_METHOD, "GET",
            "the gated probe request's method"));
    public static final Setting<String> PROBE_PATH = declare(Setting.of("gating.probePath", SettingType.REQUEST_PATH,
            "/v1/accounting/audit?page=1&page_size=1", "the gated probe request's path"));
    public static final Setting<String> TENANT_HEADER = declare(Setting.of("gating.tenantHeader", SettingType.HEADER_NAME, "X-Tenant",
            "tenant header"));
    public static final Setting<Map<String, String>> PROBE_HEADERS = declare(Setting.of("gating.probeHeaders", SettingType.HEADERS,
            "X-User-Role=operator,X-User-Id=pilot-user", "extra headers (the customer's script's; the upstream BFF's audit route"
            + " wants `X-User-Role=auditor` or `admin` and an `X-Api-Key`); secret-looking ones are masked"));
    public static final Setting<String> DENIED_ERROR_CODE = declare(Setting.of("gating.deniedErrorCode", SettingType.TEXT,
            "TENANT_NOT_ENABLED", "error_code of a pilot refusal"));
    public static final Setting<Integer> CONCURRENCY = declare(Setting.of("gating.concurrency", SettingType.POSITIVE_INT, "8",
            "probe requests in flight"));

    // --- the BFF ---
    public static final Setting<URI> BFF_URL = declare(Setting.of("bff.url", SettingType.HTTP_URL, "http://localhost:8081",
            "local BFF (and the port given to `bff.command`)").only(LOCAL, LOCAL_K3S));
    public static final Setting<String> BFF_COMMAND = declare(Setting.of("bff.command", SettingType.TEXT, null,
            "start the BFF as a process (`sh -c`)").only(LOCAL, LOCAL_K3S));
    public static final Setting<String> BFF_WORKDIR = declare(Setting.of("bff.workdir", SettingType.TEXT, ".",
            "where `bff.command` starts (relative: to where you run the command)").only(LOCAL, LOCAL_K3S));
    /** A family: {@code bff.env.NAME}, one setting per variable. */
    public static final Setting<String> BFF_ENV = declare(Setting.of("bff.env.NAME", SettingType.TEXT, null,
            "extra environment for a started BFF (every value masked; use `${env:…}`)").only(LOCAL, LOCAL_K3S).secret());
    public static final Setting<String> BFF_IMAGE = declare(Setting.of("bff.image", SettingType.TEXT, null,
            "start the BFF image with Testcontainers (needs Docker)").only(LOCAL, LOCAL_K3S));
    public static final Setting<String> BFF_USE_PG = declare(Setting.of("bff.usePg", SettingType.TEXT, "1",
            "`USE_PG` given to a started BFF").only(LOCAL, LOCAL_K3S));
    public static final Setting<String> BFF_DATABASE_URL = declare(Setting.of("bff.databaseUrl", SettingType.TEXT,
            "postgres://app:app@localhost:5432/app", "`DATABASE_URL` given to a started BFF (password masked)").only(LOCAL, LOCAL_K3S));
    public static final Setting<Duration> BFF_START_TIMEOUT = declare(Setting.of("bff.startTimeout", SettingType.DURATION, "60s",
            "wait for a started BFF's health path").only(LOCAL, LOCAL_K3S));
    public static final Setting<String> HEALTH_PATH = declare(Setting.of("bff.healthPath", SettingType.REQUEST_PATH, "/health", "C11.1"));
    public static final Setting<String> READY_PATH = declare(Setting.of("bff.readyPath", SettingType.REQUEST_PATH, "/ready", "C11.1"));
    public static final Setting<String> METRICS_PATH = declare(Setting.of("bff.metricsPath", SettingType.REQUEST_PATH, "/metrics",
            "C11.4, and the direct scrape of C12"));
    public static final Setting<Duration> HTTP_TIMEOUT = declare(Setting.of("http.timeout", SettingType.DURATION, "10s",
            "per request to the BFF"));
    public static final Setting<Duration> LOG_WAIT_TIMEOUT = declare(Setting.of("log.waitTimeout", SettingType.DURATION, "10s",
            "how long refusals may take to reach the log"));

    // --- metrics and the external sync ---
    public static final Setting<String> REQUESTS_COUNTER = declare(Setting.of("metrics.requestsCounter", SettingType.TEXT,
            "http_requests_total", "C11.4's counter"));
    public static final Setting<String> TENANT_LABEL = declare(Setting.of("metrics.tenantLabel", SettingType.TEXT, "tenant",
            "C11.4's tenant label"));
    public static final Setting<String> SYNC_LAST_TS = declare(Setting.of("sync.lastTsMetric", SettingType.TEXT,
            "external_sync_last_ts_seconds", "C12 series: last sync time"));
    public static final Setting<String> SYNC_CALLS = declare(Setting.of("sync.callsMetric", SettingType.TEXT,
            "external_sync_calls_total", "C12 series: calls"));
    public static final Setting<String> SYNC_ERRORS = declare(Setting.of("sync.errorsMetric", SettingType.TEXT,
            "external_sync_errors_total", "C12 series: errors"));
    public static final Setting<String> SYNC_SOURCE_LABEL = declare(Setting.of("sync.sourceLabel", SettingType.TEXT, "source",
            "C12 series: the source label"));
    public static final Setting<Duration> SYNC_MAX_LAG = declare(Setting.of("sync.maxLag", SettingType.DURATION, "5m", "C12.1"));
    public static final Setting<Double> SYNC_MAX_ERROR_RATE = declare(Setting.of("sync.maxErrorRate", SettingType.RATIO, "0.05", "C12.2"));
    public static final Setting<Duration> SYNC_ERROR_RATE_WINDOW = declare(Setting.of("sync.errorRateWindow", SettingType.DURATION, "1d",
            "C12.2's window"));
    public static final Setting<String> SYNC_WHEN_ABSENT = declare(Setting.of("sync.whenAbsent", SettingType.oneOf("fail", "inconclusive"),
            "fail", "`fail` or `inconclusive` when no sync series exists"));
    public static final Setting<String> ALERT_NAME = declare(Setting.of("alert.name", SettingType.TEXT, "ExternalSyncStale", "C12.3"));
    public static final Setting<Duration> ALERT_FOR = declare(Setting.of("alert.for", SettingType.DURATION, "5m",
            "the alert rule's `for`"));
    public static final Setting<Duration> ALERT_P1_WINDOW = declare(Setting.of("alert.p1Window", SettingType.DURATION, "10m",
            "firing longer than this is a P1"));

    // --- Prometheus ---
    public static final Setting<URI> PROMETHEUS_URL = declare(Setting.of("prometheus.url", SettingType.HTTP_URL, null,
            "Prometheus to query (sim starts its own unless one is given)"));
    public static final Setting<ServiceRef> PROMETHEUS_SERVICE = declare(Setting.of("prometheus.service", SettingType.SERVICE, null,
            "`NAMESPACE/NAME:PORT` of a Prometheus inside the cluster, reached by port-forward").only(SIM, LOCAL_K3S, CLUSTER));
    public static final Setting<String> PROMETHEUS_BINARY = declare(Setting.of("prometheus.binary", SettingType.TEXT, null,
            "the sim's Prometheus (default: from PATH)").only(SIM));
    public static final Setting<Duration> PROMETHEUS_SCRAPE_INTERVAL = declare(Setting.of("prometheus.scrapeInterval", SettingType.DURATION,
            "1s", "the scrape interval of the Prometheus C12 reads (C12.2 waits for three); in sim, its own Prometheus's scrape and"
            + " rule-evaluation interval"));
    public static final Setting<Duration> PROMETHEUS_QUERY_TIMEOUT = declare(Setting.of("prometheus.queryTimeout", SettingType.DURATION,
            "10s", "per Prometheus query"));
    public static final Setting<Boolean> PROMETHEUS_REQUIRED = declare(Setting.of("prometheus.required", SettingType.BOOLEAN, "false",
            "fail instead of falling back when there is no Prometheus"));

    // --- the cluster ---
    public static final Setting<String> KUBECONFIG = declare(Setting.of("kubeconfig", SettingType.TEXT, null,
            "default `$KUBECONFIG`, then `~/.kube/config`").only(CLUSTER));
    public static final Setting<String> CONTEXT = declare(Setting.of("cluster.context", SettingType.TEXT, null,
            "the kubeconfig context every client acts on (default: its current context)").only(SIM, CLUSTER));
    public static final Setting<String> EXPECTED_CONTEXT = declare(Setting.of("cluster.expectedContext", SettingType.TEXT, null,
            "refuse any other context").only(SIM, CLUSTER));
    public static final Setting<String> NAMESPACE = declare(Setting.of("cluster.namespace", SettingType.TEXT, "accounting",
            "release location").only(SIM, LOCAL_K3S, CLUSTER));
    public static final Setting<String> DEPLOYMENT = declare(Setting.of("cluster.deployment", SettingType.TEXT, "bff-accounting",
            "the release's Deployment").only(SIM, LOCAL_K3S, CLUSTER));
    public static final Setting<Integer> CONTAINER_PORT = declare(Setting.of("cluster.containerPort", SettingType.PORT, "8081",
            "the BFF's container port").only(SIM, LOCAL_K3S, CLUSTER));
    public static final Setting<String> HELM_RELEASE = declare(Setting.of("helm.release", SettingType.TEXT, "bff",
            "Step 3's Helm release").only(SIM, LOCAL_K3S, CLUSTER));
    public static final Setting<Duration> HELM_TIMEOUT = declare(Setting.of("helm.timeout", SettingType.DURATION, "5m",
            "Step 3's wait").only(SIM, LOCAL_K3S, CLUSTER));
    public static final Setting<Duration> FAIL_FAST_AFTER = declare(Setting.of("cluster.failFastAfter", SettingType.DURATION, "5s",
            "how long a rollout problem (an image pull, a crash loop, a config error, pods not created, an eviction) may last "
                    + "before the check fails; a pod that is never Ready gets its probe budget on top").only(SIM, LOCAL_K3S, CLUSTER));
    public static final Setting<Duration> UNSCHEDULABLE_AFTER = declare(Setting.of("cluster.unschedulableAfter", SettingType.DURATION, "15s",
            "how long a pod may stay Unschedulable before the rollout fails (kstatus waits 15 s; a cluster autoscaler may need longer)")
            .only(SIM, LOCAL_K3S, CLUSTER));
    public static final Setting<Map<String, String>> HELM_SET = declare(Setting.of("helm.set", SettingType.HELM_SET, null,
            "more `--set` values for Step 3, the rollback and the chart check (C5.2), e.g. `resources.requests.cpu=250m`; "
                    + "the image and the allowlist have settings of their own").only(SIM, LOCAL_K3S, CLUSTER));
    public static final Setting<Integer> LOG_TAIL_LINES = declare(Setting.of("cluster.logTailLines", SettingType.POSITIVE_INT, "50",
            "C6.3").only(SIM, LOCAL_K3S, CLUSTER));
    public static final Setting<Duration> REQUEST_TIMEOUT = declare(Setting.of("cluster.requestTimeout", SettingType.DURATION, "10s",
            "per Kubernetes API call").only(SIM, LOCAL_K3S, CLUSTER));

    // --- the registry ---
    public static final Setting<URI> REGISTRY_URL = declare(Setting.of("registry.url", SettingType.HTTP_URL, null,
            "registry API (default: the image's host); refused in sim, which has its own").only(LOCAL, LOCAL_K3S, CLUSTER));
    public static final Setting<String> REGISTRY_USERNAME = declare(Setting.of("registry.username", SettingType.TEXT, null,
            "registry user").only(LOCAL, LOCAL_K3S, CLUSTER));
    public static final Setting<String> REGISTRY_PASSWORD = declare(Setting.of("registry.password", SettingType.TEXT, null,
            "registry password or token (masked; use `${file:…}`)").only(LOCAL, LOCAL_K3S, CLUSTER).secret());
    public static final Setting<Duration> REGISTRY_TIMEOUT = declare(Setting.of("registry.timeout", SettingType.DURATION, "15s",
            "connect and each registry request"));

    // --- the gate ---
    public static final Setting<Boolean> FAIL_ON_INCOMPLETE = declare(Setting.of("gate.failOnIncomplete", SettingType.BOOLEAN, "false",
            "fail the build on INCOMPLETE"));
    public static final Setting<String> WORKFLOW = declare(Setting.of("gate.workflow", SettingType.TEXT,
            ".github/workflows/release-gate.yml", "checked by C9.1"));
    public static final Setting<String> CALLER_WORKFLOW = declare(Setting.of("gate.callerWorkflow", SettingType.TEXT,
            "docs/examples/bff-release.yml", "checked by C9.1"));
    public static final Setting<String> BASELINE = declare(Setting.of("verdict.baseline", SettingType.TEXT, null,
            "a previous verdict.json: \"since baseline\" column, regressions first, drift of each line's measurements"));
    public static final Setting<List<String>> VERDICT_INPUTS = declare(Setting.of("verdict.inputs", SettingType.LIST, null,
            "merge-verdicts: the clusters' verdict.json files, comma-separated (one image digest)"));
    public static final Setting<List<String>> FLEET_CONTEXTS = declare(Setting.of("fleet.contexts", SettingType.LIST, null,
            "merge-verdicts: the kube contexts that must each have a verdict (a missing one leaves the fleet INCOMPLETE)"));
    public static final Setting<Double> DRIFT_THRESHOLD = declare(Setting.of("verdict.driftThreshold", SettingType.RELATIVE_CHANGE, "50%",
            "a measurement that moved by more than this since the baseline is listed as drift (never decides)"));
    public static final Setting<Boolean> DEBUG = declare(Setting.of("debug", SettingType.BOOLEAN, "false",
            "reasons name exception classes and cause chains (for whoever debugs the suite)"));
    public static final Setting<Boolean> STACK_TRACES = declare(Setting.of("report.stackTraces", SettingType.BOOLEAN, "false",
            "keep Java frames in the Allure results"));

    // --- the simulated pilot ---
    public static final Setting<List<String>> SIM_FAULTS = declare(Setting.of("sim.faults", SettingType.LIST, null,
            "comma-separated faults of the simulated pilot (FAULTS.md)").only(SIM));
    public static final Setting<List<String>> SIM_SYNC_SOURCES = declare(Setting.of("sim.syncSources", SettingType.LIST,
            "bank-sbx,pg-kcp,erp-douzone", "SimBff's sync adapters").only(SIM));
    public static final Setting<Duration> SIM_SYNC_LAG = declare(Setting.of("sim.syncLag", SettingType.DURATION, "20s",
            "how long ago SimBff's sources synced").only(SIM));
    public static final Setting<Double> SIM_SYNC_ERROR_RATE = declare(Setting.of("sim.syncErrorRate", SettingType.RATIO, "0.01",
            "SimBff's sync error rate").only(SIM));
    public static final Setting<Duration> SIM_SLOW_ROLLOUT_DELAY = declare(Setting.of("sim.slowRolloutDelay", SettingType.DURATION, "4s",
            "the `slow-rollout` fault's delay").only(SIM));
    public static final Setting<Duration> SIM_FLAP_RECOVERS_AFTER = declare(Setting.of("sim.flapRecoversAfter", SettingType.DURATION, "5s",
            "the `alert-flap` fault's recovery").only(SIM));
    public static final Setting<Duration> SIM_API_DELAY = declare(Setting.of("sim.apiDelay", SettingType.DURATION, "15s",
            "how late the `api-slow` fault makes every answer of the simulated API server").only(SIM));
    public static final Setting<String> SIM_USER = declare(Setting.of("sim.user", SettingType.oneOf("admin", "verify", "deploy", "view"),
            "admin", "who the suite is to the simulated API server: `verify` and `deploy` get the Roles of deploy/rbac/,"
            + " `view` Kubernetes' built-in view role (no Secrets, no port-forward)").only(SIM));
    public static final Setting<String> SIM_USER_RULES = declare(Setting.of("sim.userRules", SettingType.TEXT, null,
            "a Role YAML file whose rules the simulated user gets instead of `sim.user`'s (to prove each rule is needed)").only(SIM));
    public static final Setting<String> SIM_API_HANG = declare(Setting.of("sim.apiHang", SettingType.TEXT, "/log",
            "the `api-hang` fault: requests whose path contains this never answer").only(SIM));

    // --- env=local with a cluster of its own ---
    public static final Setting<String> LOCAL_CLUSTER = declare(Setting.of("local.cluster", SettingType.oneOf("k3s"), null,
            "`k3s`: a throwaway K3s cluster (Testcontainers, needs Docker)").only(LOCAL, LOCAL_K3S));
    public static final Setting<String> LOCAL_K3S_IMAGE = declare(Setting.of("local.k3sImage", SettingType.TEXT, "rancher/k3s:v1.31.2-k3s1",
            "the K3s image").only(LOCAL_K3S));

    // --- passed by the build, not by people ---
    public static final Setting<String> PROJECT_DIR = declare(Setting.of("gate.projectDir", SettingType.TEXT, null,
            "this project's directory").setByTheBuild());
    public static final Setting<String> INVOCATION_DIR = declare(Setting.of("gate.invocationDir", SettingType.TEXT, null,
            "where ./mvnw was run from").setByTheBuild());
    public static final Setting<Boolean> START_EARLY = declare(Setting.of("gate.startEarly", SettingType.BOOLEAN, "false",
            "the checklist's run starts as JUnit opens its session").setByTheBuild());

    /** Every setting, in the order declared (the README table's). */
    public static List<Setting<?>> all() {
        return List.copyOf(ALL);
    }
}
