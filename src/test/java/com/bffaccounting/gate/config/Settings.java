package com.bffaccounting.gate.config;

import com.bffaccounting.gate.config.Setting.Target;
import com.bffaccounting.gate.evidence.Redactor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every setting of a run, read once and validated at start. Each is declared in {@link SettingsCatalog}
 * (name, type, default, secret, where it applies) and looked up as system property, then its
 * {@code RELEASE_GATE_…} variable, then {@code config/<env>.properties}, then its default; each section
 * ({@link BffSettings}, {@link ClusterSettings}, …) reads its own. Whether files exist and programs are on
 * PATH is the preflight's business ({@code sut.Preflight}), not this class's.
 *
 * <p>Step code reads values from here and never spells a tenant, a path or a threshold itself.
 */
public final class Settings {
    public final Env env;
    public final Path reportDir;
    public final ArtifactSettings artifacts;
    public final BffSettings bff;
    public final GatingSettings gating;
    public final MetricsSettings metrics;
    public final SyncSettings sync;
    public final LogSettings log;
    public final PrometheusSettings prometheus;
    public final RegistrySettings registry;
    public final ClusterSettings cluster;
    public final SimSettings sim;
    public final GateSettings gate;
    public final LocalSettings local;
    /** Reasons name exception classes and cause chains. */
    public final boolean debug;
    /** Keep Java frames in the Allure results. */
    public final boolean stackTraces;
    /** The named timeouts of the suite's waits, from the settings above. */
    public final Timeouts timeouts = new Timeouts(this);

    /** Values that must never reach a report, a log or an attachment. */
    private final Set<String> secretValues;
    /** One line per secret given literally on the command line (naming the setting, never the value). */
    private final List<String> literalSecretWarnings;
    /** The settings not taken from their defaults, secrets masked. */
    private final Map<String, SettingReader.Given> given;

    private Settings(SettingReader r) {
        env = r.get(SettingsCatalog.ENV);
        local = LocalSettings.read(r);
        reportDir = projectPath(r, SettingsCatalog.REPORT_DIR);
        artifacts = ArtifactSettings.read(r);
        bff = BffSettings.read(r);
        gating = GatingSettings.read(r);
        metrics = MetricsSettings.read(r);
        sync = SyncSettings.read(r);
        registry = RegistrySettings.read(r);
        log = LogSettings.read(r);
        prometheus = PrometheusSettings.read(r);
        cluster = ClusterSettings.read(r, env);
        sim = SimSettings.read(r);
        gate = GateSettings.read(r);
        debug = r.get(SettingsCatalog.DEBUG);
        stackTraces = r.get(SettingsCatalog.STACK_TRACES);
        r.refuseInapplicable(Target.of(env, local.cluster().isPresent()));

        secretValues = collectSecrets(r);
        literalSecretWarnings = literalSecrets(r.source());
        given = new TreeMap<>(r.given());
    }

    private List<String> literalSecrets(SettingSource source) {
        List<String> warnings = new ArrayList<>();
        String advice = " is given literally with -D, where ps and the shell history show it — write it as ${env:NAME} or ${file:PATH}";
        // header by header: X-Api-Key=${env:KEY},Authorization=Bearer … still gives the second literally
        source.rawCommandLineValue(SettingsCatalog.PROBE_HEADERS.name()).ifPresent(raw -> {
            for (String pair : raw.split(",")) {
                int eq = pair.indexOf('=');
                String name = eq > 0 ? pair.substring(0, eq).trim() : "";
                String value = eq > 0 ? pair.substring(eq + 1).trim() : "";
                if (Redactor.isSecretHeader(name) && !value.isEmpty() && !SettingSource.isReferenceText(value)) {
                    warnings.add("gating.probeHeaders: the value of " + name + advice);
                }
            }
        });
        for (String key : source.keysStartingWith("bff.env.")) {
            if (source.onCommandLine(key) && !source.isReference(key)) {
                warnings.add(key + advice);
            }
        }
        String password = SettingsCatalog.REGISTRY_PASSWORD.name();
        if (source.onCommandLine(password) && !source.isReference(password)) {
            warnings.add(password + advice);
        }
        String databaseUrl = SettingsCatalog.BFF_DATABASE_URL.name();
        if (source.onCommandLine(databaseUrl) && !source.isReference(databaseUrl) && passwordOf(bff.databaseUrl()).isPresent()) {
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
        registry.password().ifPresent(secrets::add);
        secrets.addAll(bff.extraEnv().values());
        secrets.addAll(r.source().referencedValues());
        return Set.copyOf(secrets);
    }

    /**
     * The run's first line: which safety switches are on, and every setting not taken from its default,
     * with where it came from. Secrets show as {@code ***}.
     */
    public String summaryLine() {
        StringBuilder line = new StringBuilder("env=").append(env.id());
        line.append(cluster.writesAllowed() ? " · WRITES ALLOWED: " : " · verify-only: ")
                .append("deploy ").append(cluster.deploy() ? "on" : "off").append(", rollback ").append(cluster.rollback() ? "on" : "off");
        Map<String, SettingReader.Given> shown = new TreeMap<>(given);
        shown.remove(SettingsCatalog.ENV.name());
        shown.remove(SettingsCatalog.DEPLOY.name());
        shown.remove(SettingsCatalog.ROLLBACK.name());
        SettingsCatalog.all().stream().filter(s -> s.audience() == Setting.Audience.BUILD).forEach(s -> shown.remove(s.name()));
        if (shown.isEmpty()) {
            line.append(" · every setting at its default");
        }
        // grouped by where they came from: -D first, then the environment, then the env's properties file
        Map<SettingSource.Origin, List<String>> byOrigin = new TreeMap<>(Comparator.comparing((SettingSource.Origin o) -> o.layer())
                .thenComparing(SettingSource.Origin::words));
        shown.forEach((name, g) -> byOrigin.computeIfAbsent(g.origin(), o -> new ArrayList<>()).add(name + "=" + g.shown()));
        byOrigin.forEach((origin, values) -> line.append(" · ").append(origin.words()).append(": ").append(String.join(", ", values)));
        line.append(" · reports=").append(reportDir.toAbsolutePath());
        return redactor().redact(line.toString());
    }

    /**
     * A path setting: a value given relative is the invocation directory's (where the user typed it);
     * the default is this project's file, wherever the suite was run from.
     */
    static Path projectPath(SettingReader r, Setting<String> setting) {
        return r.optional(setting).map(v -> invocationDir().resolve(v).normalize())
                .orElseGet(() -> projectDir().resolve(setting.defaultText().orElseThrow()).normalize());
    }

    /**
     * This project's directory: the build passes it as {@code gate.projectDir}; a JVM started elsewhere (an
     * IDE, the self-tests) runs in it.
     */
    public static Path projectDir() {
        return Path.of(System.getProperty(SettingsCatalog.PROJECT_DIR.name(), System.getProperty("user.dir"))).toAbsolutePath();
    }

    /**
     * The directory the suite was run from: the build passes Maven's own working directory as
     * {@code gate.invocationDir} (the forked test JVM runs in the project's directory instead).
     */
    static Path invocationDir() {
        return Path.of(System.getProperty(SettingsCatalog.INVOCATION_DIR.name(), System.getProperty("user.dir"))).toAbsolutePath();
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
