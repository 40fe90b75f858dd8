package com.bffaccounting.gate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Raw setting lookup, in the order the README documents: system property, then an environment
 * variable with the suite's prefix ({@code RELEASE_GATE_BFF_URL}, {@link Setting#envVar()}), then
 * {@code config/<env>.properties} on the test classpath, then the declared default. No unprefixed
 * variable is read: a CI job's {@code DEPLOY=true} or {@code ENV=prod} is not the suite's. The safety
 * switches ({@link Setting#isSafetySwitch()}) are read from system properties alone, and a name of ours
 * that the catalogue does not know is refused ({@link #problems()}).
 *
 * <p>Any value may reference a secret instead of carrying it: {@code ${env:NAME}} is replaced by the
 * environment variable NAME, {@code ${file:PATH}} by the file's content (one trailing newline dropped).
 * The secret then never stands on a command line ({@code ps}, shell history), and every value read this
 * way is masked wherever the suite writes ({@link #referencedValues()}).
 *
 * <p>The project's own tests are hermetic: with {@code settings.hermetic=true} (set by the build for a
 * self-test run) the caller's system properties and environment are ignored, except the CI switches
 * {@code *.required}; {@link #overrideForSelfTest} gives a self-test's explicit settings instead.
 */
public final class SettingSource {
    private static volatile Properties selfTestOverride;
    /** The JVM's system properties as they were before their secrets were masked ({@link #protectSystemProperties()}). */
    private static volatile Properties processSnapshot;

    /** Where a value came from (its layer), in words for the run's first line ("-D", "RELEASE_GATE_BFF_URL", "sim.properties"). */
    public record Origin(Layer layer, String words) {
        static final Origin COMMAND_LINE = new Origin(Layer.COMMAND_LINE, "-D");
    }

    /** The layers a value can come from, in the order they are asked. */
    public enum Layer { COMMAND_LINE, ENVIRONMENT, ENV_FILE }

    private final Properties systemProperties;
    /** The environment, kept to the variables with the suite's prefix. */
    private final Map<String, String> environment;
    private final Properties envFile;
    private final String envFileName;
    private final Map<String, String> referenceEnvironment;
    private final Set<String> referenced = ConcurrentHashMap.newKeySet();

    public SettingSource(Properties systemProperties, Map<String, String> environment, Properties envFile) {
        this(systemProperties, environment, envFile, "config file", environment);
    }

    private SettingSource(Properties systemProperties, Map<String, String> environment, Properties envFile, String envFileName,
                          Map<String, String> referenceEnvironment) {
        this.systemProperties = systemProperties;
        this.environment = new TreeMap<>();
        environment.forEach((k, v) -> {
            if (k.startsWith(Setting.ENV_PREFIX)) {
                this.environment.put(k, v);
            }
        });
        this.envFile = envFile;
        this.envFileName = envFileName;
        this.referenceEnvironment = referenceEnvironment;
    }

    /** The layers of this process (or a self-test's explicit settings), with the properties file of the env they name. */
    public static SettingSource fromProcess() {
        Properties system = new Properties();
        Map<String, String> environment = System.getenv();
        Properties override = selfTestOverride;
        Properties process = processSnapshot != null ? processSnapshot : System.getProperties();
        if (override != null || Boolean.parseBoolean(process.getProperty("settings.hermetic"))) {
            process.forEach((k, v) -> {
                if (k.toString().endsWith(".required")) {
                    system.put(k, v);
                }
            });
            if (override != null) {
                system.putAll(override);
            }
            environment = Map.of();
        } else {
            system.putAll(process);
        }
        SettingSource withoutFile = new SettingSource(system, environment, new Properties());
        String env = withoutFile.lookup(SettingsCatalog.ENV.name()).orElse("sim");
        return new SettingSource(system, environment, EnvFiles.loadEnvFile(env), EnvFiles.envFileName(env), System.getenv());
    }

    /**
     * Keeps the JVM's system properties for the settings, then masks the secrets among them in the JVM
     * itself, so that nothing that dumps the properties (a failing run's JUnit XML) can write a secret
     * given with -D. Called once, before any test, by {@code run.ProtectSecretsInReports}.
     */
    public static synchronized void protectSystemProperties() {
        if (processSnapshot != null) {
            return;
        }
        Properties snapshot = new Properties();
        snapshot.putAll(System.getProperties());
        processSnapshot = snapshot;
        SecretSettings.maskSystemProperties(System.getProperties());
    }

    /** A self-test's settings, used by {@link #fromProcess()} instead of the JVM's until {@link #clearSelfTestOverride()}. */
    public static void overrideForSelfTest(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        selfTestOverride = properties;
    }

    public static void clearSelfTestOverride() {
        selfTestOverride = null;
    }

    public Optional<String> lookup(String key) {
        return origin(key).map(origin -> {
            String value = switch (origin.layer()) {
                case COMMAND_LINE -> systemProperties.getProperty(key);
                case ENVIRONMENT -> environment.get(Setting.envVarOf(key));
                case ENV_FILE -> envFile.getProperty(key);
            };
            return resolve(key, value.trim());
        });
    }

    /**
     * Which layer gives {@code key}: -D, its {@code RELEASE_GATE_…} variable, or the env's properties file;
     * empty for the declared default. A safety switch has only the first.
     */
    public Optional<Origin> origin(String key) {
        if (systemProperties.getProperty(key) != null) {
            return Optional.of(Origin.COMMAND_LINE);
        }
        if (SettingNames.named(key).map(Setting::isSafetySwitch).orElse(false)) {
            return Optional.empty();
        }
        String variable = Setting.envVarOf(key);
        if (environment.get(variable) != null) {
            return Optional.of(new Origin(Layer.ENVIRONMENT, variable));
        }
        return envFile.getProperty(key) != null ? Optional.of(new Origin(Layer.ENV_FILE, envFileName)) : Optional.empty();
    }

    /**
     * Names that cannot be what the user meant, one line each: a name under the suite's prefixes that the
     * catalogue does not know (with the closest known one), a prefixed variable likewise, and a safety
     * switch given anywhere but on the command line.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(systemProperties.stringPropertyNames())) {
            if (SettingNames.looksLikeOurs(name) && SettingNames.named(name).isEmpty()) {
                problems.add(SettingNames.unknown(name));
            }
        }
        environment.keySet().forEach(variable -> SettingNames.nameOfEnvVar(variable).ifPresentOrElse(name -> {
            if (SettingNames.named(name).map(Setting::isSafetySwitch).orElse(false)) {
                problems.add(variable + ": " + name + " is a safety switch, read only from the command line (-D" + name
                        + "=true), never from the environment — remove the variable");
            }
        }, () -> problems.add(SettingNames.unknownEnvVar(variable))));
        for (String name : new TreeSet<>(envFile.stringPropertyNames())) {
            Optional<Setting<?>> setting = SettingNames.named(name);
            if (setting.isEmpty()) {
                problems.add(envFileName + ": " + SettingNames.unknown(name));
            } else if (setting.get().isSafetySwitch()) {
                problems.add(envFileName + ": " + name + " is a safety switch, read only from the command line (-D" + name + "=true)");
            }
        }
        return problems;
    }

    /** Whether the value of {@code key} was given as a system property (on the command line, where ps shows it). */
    public boolean onCommandLine(String key) {
        return systemProperties.getProperty(key) != null;
    }

    /** The names given (as system properties or prefixed variables) that start with {@code prefix} ({@code bff.env.}). */
    public Set<String> keysStartingWith(String prefix) {
        Set<String> keys = systemProperties.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .collect(Collectors.toCollection(TreeSet::new));
        environment.keySet().forEach(v -> SettingNames.nameOfEnvVar(v).filter(k -> k.startsWith(prefix)).ifPresent(keys::add));
        return keys;
    }

    /** Every value read through {@code ${env:…}} or {@code ${file:…}}: secrets by the way they were given. */
    public Set<String> referencedValues() {
        return Set.copyOf(referenced);
    }

    /** Whether the raw value of {@code key} (before resolution) references a secret rather than carrying it. */
    public boolean isReference(String key) {
        String raw = systemProperties.getProperty(key);
        return raw != null && isReferenceText(raw);
    }

    /** Whether this text (a setting's value, or one part of it) reads a secret by ${env:NAME} or ${file:PATH}. */
    public static boolean isReferenceText(String text) {
        return SecretReferences.REFERENCE.matcher(text).find();
    }

    /** The value given with -D, before its references are resolved. */
    public Optional<String> rawCommandLineValue(String key) {
        return Optional.ofNullable(systemProperties.getProperty(key));
    }

    private String resolve(String key, String value) {
        Matcher m = SecretReferences.REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String resolved = m.group(1).equals("env") ? fromEnvironment(key, m.group(2)) : SecretReferences.fileContent(key, m.group(2));
            if (!resolved.isEmpty()) {
                referenced.add(resolved);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String fromEnvironment(String key, String name) {
        String value = referenceEnvironment.get(name.trim());
        if (value == null) {
            throw new ConfigException(key + ": ${env:" + name + "} — the environment variable " + name + " is not set");
        }
        return value;
    }
}
