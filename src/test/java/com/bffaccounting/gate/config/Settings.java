package com.bffaccounting.gate.config;

import com.bffaccounting.gate.evidence.Redactor;
import com.bffaccounting.gate.io.Executables;
import com.bffaccounting.gate.model.ImageReference;
import com.bffaccounting.gate.model.ReleaseRef;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every setting of a run, read once and validated at start. Each is looked up as system property,
 * then environment variable, then {@code config/<env>.properties}, then the customer's default
 * (CONTRACT.md / CHECKLIST.md). The README's settings table mirrors this class.
 *
 * <p>Step code reads values from here and never spells a tenant, a path or a threshold itself.
 */
public final class Settings {
    public final Env env;
    public final Path reportDir;
    public final Artifacts artifacts;
    public final Bff bff;
    public final Gating gating;
    public final Metrics metrics;
    public final Sync sync;
    public final Log log;
    public final Prometheus prometheus;
    public final Registry registry;
    public final Cluster cluster;
    public final Sim sim;
    public final Gate gate;
    public final Local local;
    /** The named timeouts of the suite's waits, from the settings above. */
    public final Timeouts timeouts = new Timeouts(this);

    /** Values that must never reach a report, a log or an attachment. */
    private final Set<String> secretValues;
    /** One line per secret given literally on the command line (naming the setting, never the value). */
    private final List<String> literalSecretWarnings;

    /**
     * What is released: the image (repository, the tag under test, the tag to roll back to) and the chart.
     * Not to be confused with the Helm release it is deployed as ({@link Cluster#release()}).
     */
    public record Artifacts(String imageRepository, String imageTag, String rollbackTag, String chartPath) {
        public String image() {
            return imageRepository + ":" + imageTag;
        }
    }

    /**
     * @param workdir  where {@code command} starts; a relative one is resolved against the directory the
     *                 suite was run from (the BFF's repository, with {@code mvnw -f}), not the suite's own
     * @param extraEnv {@code bff.env.NAME=value}: more environment for a started BFF, every value a secret
     */
    public record Bff(URI url, Optional<String> command, Path workdir, Optional<String> image,
                      Duration startTimeout, Duration httpTimeout, String usePg, String databaseUrl,
                      String healthPath, String readyPath, String metricsPath, Map<String, String> extraEnv) {
    }

    public record Gating(List<String> allowlist, List<String> nonPilotTenants, String probeMethod,
                         String probePath, String tenantHeader, Map<String, String> probeHeaders,
                         String deniedErrorCode, int concurrency) {
        /** The allowlist as the container gets it: a JSON array string. */
        public String allowlistJson() {
            try {
                return new ObjectMapper().writeValueAsString(allowlist);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public record Metrics(String requestsCounter, String tenantLabel) {
    }

    public record Sync(String lastTsMetric, String errorsMetric, String callsMetric, String sourceLabel,
                       Duration maxLag, double maxErrorRate, Duration errorRateWindow,
                       boolean absentIsInconclusive, String alertName, Duration p1Window,
                       Duration alertFor) {
        /** The rule's {@code for}: how long a source stays stale before ExternalSyncStale fires. */
        public Duration alertFor() {
            return alertFor;
        }
    }

    public record Registry(Optional<URI> url, Optional<String> username, Optional<String> password,
                           Duration timeout) {
    }

    public record Log(Duration waitTimeout) {
    }

    /**
     * @param service a Prometheus inside the cluster, {@code NAMESPACE/NAME:PORT}: reached by a port-forward to a
     *                ready pod behind that Service (the common case: no ingress to Prometheus)
     */
    public record Prometheus(Optional<URI> url, Duration scrapeInterval, Duration queryTimeout,
                             Optional<String> binary, boolean required, Optional<ServiceRef> service) {
    }

    /** {@code monitoring/prometheus:9090}. */
    public record ServiceRef(String namespace, String name, int port) {
        static final Pattern FORM = Pattern.compile("([a-z0-9-]+)/([a-z0-9-]+):(\\d{1,5})");

        @Override
        public String toString() {
            return namespace + "/" + name + ":" + port;
        }
    }

    public record Cluster(Optional<Path> kubeconfig, Optional<String> context, Optional<String> expectedContext,
                          String namespace, String release, String deployment, int containerPort,
                          Duration helmTimeout, Duration failFastAfter, boolean deploy, boolean rollback,
                          int logTailLines, Duration requestTimeout) {
        public boolean writesAllowed() {
            return deploy || rollback;
        }

        /** Where the release lives: namespace, Deployment, Helm release, container port — as one value. */
        public ReleaseRef ref() {
            return new ReleaseRef(namespace, deployment, release, containerPort);
        }
    }

    public record Sim(Set<String> faults, List<String> syncSources, Duration syncLag,
                      double syncErrorRate, Duration slowRolloutDelay, Duration flapRecoversAfter) {
    }

    /** {@code local.cluster=k3s}: env=local with a throwaway K3s (Testcontainers) as its cluster. */
    public record Local(Optional<String> cluster, String k3sImage) {
    }

    /** @param baseline a previous run's verdict.json, to show what changed since (-Dverdict.baseline) */
    public record Gate(boolean failOnIncomplete, String workflowPath, String callerWorkflowPath, Optional<Path> baseline) {
    }

    private Settings(SettingReader r) {
        env = Env.parse(r.string("env", "sim"));
        reportDir = projectPath(r, "report.dir", "reports");

        artifacts = new Artifacts(
                r.string("image.repository", "ghcr.io/tristan00037-tristan050/tristan050-ai_ondevice_app/bff-accounting"),
                r.string("image.tag", "r7-h-pilot-20251203"),
                r.string("rollback.tag", "r7-final-20251203"),
                projectPath(r, "chart.path", "charts/bff-accounting").toString());

        Duration httpTimeout = r.duration("http.timeout", Duration.ofSeconds(10));
        Map<String, String> extraEnv = new TreeMap<>();
        for (String key : r.source().systemKeysStartingWith("bff.env.")) {
            String name = key.substring("bff.env.".length());
            r.require(name.matches("[A-Za-z_][A-Za-z0-9_]*"), key + ": '" + name + "' is not an environment variable name");
            r.optional(key).ifPresent(v -> extraEnv.put(name, v));
        }
        bff = new Bff(
                r.url("bff.url", "http://localhost:8081"),
                r.optional("bff.command"),
                invocationDir().resolve(r.string("bff.workdir", ".")).normalize(),
                r.optional("bff.image"),
                r.duration("bff.startTimeout", Duration.ofSeconds(60)),
                httpTimeout,
                r.string("bff.usePg", "1"),
                r.string("bff.databaseUrl", "postgres://app:app@localhost:5432/app"),
                r.string("bff.healthPath", "/health"),
                r.string("bff.readyPath", "/ready"),
                r.string("bff.metricsPath", "/metrics"),
                Map.copyOf(extraEnv));

        List<String> allowlist = r.jsonStringArray("pilot.allowlist", "[\"default\",\"pilot-a\"]");
        if (r.optional("pilot.allowlist").isPresent() && allowlist.isEmpty() && r.errors().isEmpty()) {
            r.error("pilot.allowlist: '[]' lets every tenant in, which the pilot forbids — list the pilot tenants, e.g. '[\"default\",\"pilot-a\"]'");
        }
        List<String> nonPilot = r.list("pilot.nonPilotTenants", "pilot-b,test-tenant,unauthorized");
        for (String tenant : nonPilot) {
            r.require(!allowlist.contains(tenant),
                    "pilot.nonPilotTenants: '" + tenant + "' is also in pilot.allowlist — a tenant cannot be both");
        }
        String probeMethod = r.string("gating.probeMethod", "GET").toUpperCase(Locale.ROOT);
        r.require(Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE").contains(probeMethod),
                "gating.probeMethod: '" + probeMethod + "' is not an HTTP method — use GET (default) or POST");
        String probePath = r.string("gating.probePath", "/v1/accounting/audit?page=1&page_size=1");
        r.require(probePath.startsWith("/"), "gating.probePath: '" + probePath + "' must start with / — e.g. /v1/accounting/audit?page=1&page_size=1");
        gating = new Gating(allowlist, nonPilot, probeMethod, probePath,
                r.string("gating.tenantHeader", "X-Tenant"),
                r.pairs("gating.probeHeaders", "X-User-Role=operator,X-User-Id=pilot-user"),
                r.string("gating.deniedErrorCode", "TENANT_NOT_ENABLED"),
                r.positiveInt("gating.concurrency", 8));

        metrics = new Metrics(
                r.string("metrics.requestsCounter", "http_requests_total"),
                r.string("metrics.tenantLabel", "tenant"));

        String whenAbsent = r.string("sync.whenAbsent", "fail");
        sync = new Sync(
                r.string("sync.lastTsMetric", "external_sync_last_ts_seconds"),
                r.string("sync.errorsMetric", "external_sync_errors_total"),
                r.string("sync.callsMetric", "external_sync_calls_total"),
                r.string("sync.sourceLabel", "source"),
                r.duration("sync.maxLag", Duration.ofMinutes(5)),
                r.fraction("sync.maxErrorRate", 0.05),
                r.duration("sync.errorRateWindow", Duration.ofDays(1)),
                whenAbsent.equalsIgnoreCase("inconclusive"),
                r.string("alert.name", "ExternalSyncStale"),
                r.duration("alert.p1Window", Duration.ofMinutes(10)),
                r.duration("alert.for", Duration.ofMinutes(5)));
        r.require(whenAbsent.equalsIgnoreCase("fail") || whenAbsent.equalsIgnoreCase("inconclusive"),
                "sync.whenAbsent: '" + whenAbsent + "' must be fail or inconclusive");

        registry = new Registry(Optional.ofNullable(r.url("registry.url", null)), r.optional("registry.username"),
                r.optional("registry.password"), r.duration("registry.timeout", Duration.ofSeconds(15)));
        try {
            ImageReference.parse(artifacts.imageRepository(), artifacts.imageTag());
            ImageReference.parse(artifacts.imageRepository(), artifacts.rollbackTag());
        } catch (IllegalArgumentException e) {
            r.error("image.repository/image.tag: " + e.getMessage());
        }

        log = new Log(r.duration("log.waitTimeout", Duration.ofSeconds(10)));

        prometheus = new Prometheus(
                Optional.ofNullable(r.url("prometheus.url", null)),
                r.duration("prometheus.scrapeInterval", Duration.ofSeconds(1)),
                r.duration("prometheus.queryTimeout", Duration.ofSeconds(10)),
                r.optional("prometheus.binary"),
                r.bool("prometheus.required", false),
                r.optional("prometheus.service").flatMap(v -> {
                    var m = ServiceRef.FORM.matcher(v);
                    if (!m.matches()) {
                        r.error("prometheus.service: '" + v + "' is not NAMESPACE/NAME:PORT — e.g. monitoring/prometheus:9090");
                        return Optional.empty();
                    }
                    return Optional.of(new ServiceRef(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
                }));
        r.require(prometheus.url().isEmpty() || prometheus.service().isEmpty(),
                "prometheus.url and prometheus.service: give one — the URL of a Prometheus you can reach, or its Service in the cluster");
        r.require(prometheus.service().isEmpty() || env != Env.LOCAL,
                "prometheus.service: a Service in the cluster needs a cluster (env=cluster or sim); with env=local give prometheus.url");

        if (env == Env.SIM && prometheus.required() && prometheus.url().isEmpty() && prometheus.binary().isEmpty()
                && Executables.onPath("prometheus").isEmpty()) {
            r.error("prometheus.required: true, but there is no prometheus binary on PATH — apt-get install prometheus");
        }

        Optional<Path> kubeconfig = r.optional("kubeconfig").map(Path::of);
        if (env == Env.CLUSTER) {
            Optional<Path> found = kubeconfig.or(() -> Optional.ofNullable(System.getenv("KUBECONFIG"))
                    .map(k -> Path.of(k.split(File.pathSeparator)[0])))
                    .or(() -> Optional.of(Path.of(System.getProperty("user.home"), ".kube", "config")));
            if (!Files.isReadable(found.get())) {
                r.error("kubeconfig: no readable kubeconfig at " + found.get() + " (from -Dkubeconfig, $KUBECONFIG or ~/.kube/config)"
                        + " — set -Dkubeconfig=/path/to/config, or verify a BFF without Kubernetes with -Denv=local");
            }
            kubeconfig = found;
        }
        cluster = new Cluster(
                kubeconfig,
                r.optional("cluster.context"),
                r.optional("cluster.expectedContext"),
                r.string("cluster.namespace", "accounting"),
                r.string("helm.release", "bff"),
                r.string("cluster.deployment", "bff-accounting"),
                r.positiveInt("cluster.containerPort", 8081),
                r.duration("helm.timeout", Duration.ofMinutes(5)),
                r.duration("cluster.failFastAfter", Duration.ofSeconds(5)),
                r.bool("deploy", false),
                r.bool("rollback", false),
                r.positiveInt("cluster.logTailLines", 50),
                r.duration("cluster.requestTimeout", Duration.ofSeconds(10)));

        // names are the simulator's business: SimRun checks them before anything starts
        Set<String> faults = new LinkedHashSet<>(r.list("sim.faults", ""));
        r.require(faults.isEmpty() || env == Env.SIM,
                "sim.faults: faults are switches of the simulated pilot; they need -Denv=sim (env is " + env.id() + ")");
        sim = new Sim(Set.copyOf(faults),
                r.list("sim.syncSources", "bank-sbx,pg-kcp,erp-douzone"),
                r.duration("sim.syncLag", Duration.ofSeconds(20)),
                r.fraction("sim.syncErrorRate", 0.01),
                r.duration("sim.slowRolloutDelay", Duration.ofSeconds(4)),
                r.duration("sim.flapRecoversAfter", Duration.ofSeconds(5)));

        local = new Local(r.optional("local.cluster"), r.string("local.k3sImage", "rancher/k3s:v1.31.2-k3s1"));
        local.cluster().ifPresent(c -> {
            r.require(c.equals("k3s"), "local.cluster: '" + c + "' is not supported — the only local cluster is k3s");
            r.require(env == Env.LOCAL, "local.cluster: a local K3s cluster needs -Denv=local (env is " + env.id() + ")");
        });
        Optional<Path> baseline = r.optional("verdict.baseline").map(Path::of);
        baseline.filter(b -> !Files.isReadable(b)).ifPresent(b -> r.error("verdict.baseline: no readable file at "
                + b.toAbsolutePath() + " — give the verdict.json of an earlier run (e.g. the previous tag's reports artifact)"));
        gate = new Gate(r.bool("gate.failOnIncomplete", env == Env.CLUSTER),
                projectPath(r, "gate.workflow", ".github/workflows/release-gate.yml").toString(),
                projectPath(r, "gate.callerWorkflow", "docs/examples/bff-release.yml").toString(), baseline);

        secretValues = collectSecrets(r);
        literalSecretWarnings = literalSecrets(r.source());
    }

    private List<String> literalSecrets(SettingSource source) {
        List<String> warnings = new ArrayList<>();
        String advice = " is given literally with -D, where ps and the shell history show it — write it as ${env:NAME} or ${file:PATH}";
        // header by header: X-Api-Key=${env:KEY},Authorization=Bearer … still gives the second literally
        source.rawCommandLineValue("gating.probeHeaders").ifPresent(raw -> {
            for (String pair : raw.split(",")) {
                int eq = pair.indexOf('=');
                String name = eq > 0 ? pair.substring(0, eq).trim() : "";
                String value = eq > 0 ? pair.substring(eq + 1).trim() : "";
                if (Redactor.isSecretHeader(name) && !value.isEmpty() && !SettingSource.isReferenceText(value)) {
                    warnings.add("gating.probeHeaders: the value of " + name + advice);
                }
            }
        });
        for (String key : source.systemKeysStartingWith("bff.env.")) {
            if (!source.isReference(key)) {
                warnings.add(key + advice);
            }
        }
        if (source.onCommandLine("registry.password") && !source.isReference("registry.password")) {
            warnings.add("registry.password" + advice);
        }
        if (source.onCommandLine("bff.databaseUrl") && !source.isReference("bff.databaseUrl") && passwordOf(bff.databaseUrl()).isPresent()) {
            warnings.add("bff.databaseUrl: its password" + advice);
        }
        return List.copyOf(warnings);
    }

    public List<String> literalSecretWarnings() {
        return literalSecretWarnings;
    }

    private Set<String> collectSecrets(SettingReader r) {
        Set<String> secrets = new LinkedHashSet<>();
        gating.probeHeaders().forEach((name, value) -> {
            if (Redactor.isSecretHeader(name) && !value.isEmpty()) {
                secrets.add(value);
            }
        });
        passwordOf(bff.databaseUrl()).ifPresent(secrets::add);
        r.optional("registry.password").ifPresent(secrets::add);
        secrets.addAll(bff.extraEnv().values());
        secrets.addAll(r.source().referencedValues());
        return Set.copyOf(secrets);
    }

    /**
     * A path setting: a value given relative is the invocation directory's (where the user typed it);
     * the default is this project's file, wherever the suite was run from.
     */
    private static Path projectPath(SettingReader r, String key, String defaultInProject) {
        return r.optional(key).map(v -> invocationDir().resolve(v).normalize())
                .orElseGet(() -> projectDir().resolve(defaultInProject).normalize());
    }

    /**
     * This project's directory: the build passes it as {@code gate.projectDir}; a JVM started elsewhere (an
     * IDE, the self-tests) runs in it.
     */
    public static Path projectDir() {
        return Path.of(System.getProperty("gate.projectDir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /**
     * The directory the suite was run from: the build passes Maven's own working directory as
     * {@code gate.invocationDir} (the forked test JVM runs in the project's directory instead).
     */
    static Path invocationDir() {
        return Path.of(System.getProperty("gate.invocationDir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    static Optional<String> passwordOf(String url) {
        int scheme = url.indexOf("://");
        int at = url.indexOf('@');
        if (scheme < 0 || at < scheme) {
            return Optional.empty();
        }
        String userInfo = url.substring(scheme + 3, at);
        int colon = userInfo.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(userInfo.substring(colon + 1)).filter(p -> !p.isEmpty());
    }

    public Set<String> secretValues() {
        return secretValues;
    }

    /** Masks this run's secret values, and secrets by their shape. */
    public Redactor redactor() {
        return new Redactor(secretValues);
    }

    /** Reads and validates the settings of this process; throws one {@link ConfigException} naming every bad setting. */
    public static Settings load() {
        return from(SettingSource.fromProcess());
    }

    public static Settings from(SettingSource source) {
        SettingReader reader = new SettingReader(source);
        Settings settings;
        try {
            settings = new Settings(reader);
        } catch (ConfigException e) {
            List<String> all = new ArrayList<>(List.of(e.getMessage()));
            all.addAll(reader.errors());
            throw new ConfigException(String.join(System.lineSeparator(), all));
        }
        if (!reader.errors().isEmpty()) {
            throw new ConfigException(String.join(System.lineSeparator(), reader.errors()));
        }
        return settings;
    }
}
