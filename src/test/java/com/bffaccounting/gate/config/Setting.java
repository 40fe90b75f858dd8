package com.bffaccounting.gate.config;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One setting, declared once in {@link SettingsCatalog}: its name, type, default, whether it is a secret,
 * where it applies, and its one line for people. Reading, validating, the README's settings table and the
 * errors all come from this declaration.
 *
 * @param <T> the value's type once parsed
 */
public final class Setting<T> {
    /** The prefix of every environment variable the suite reads a setting from ({@code RELEASE_GATE_BFF_URL}). */
    public static final String ENV_PREFIX = "RELEASE_GATE_";

    /** Where a run is aimed: the env, and for env=local whether it brings its own K3s cluster. */
    public enum Target {
        SIM("sim"), LOCAL("local"), LOCAL_K3S("local with local.cluster=k3s"), CLUSTER("cluster");

        private final String words;

        Target(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public static Target of(Env env, boolean localCluster) {
            return switch (env) {
                case SIM -> SIM;
                case CLUSTER -> CLUSTER;
                case LOCAL -> localCluster ? LOCAL_K3S : LOCAL;
            };
        }
    }

    /** Who may set it: anyone (-D, environment, properties file), the command line only, or the build itself. */
    public enum Audience {
        /** -D, then {@code RELEASE_GATE_…}, then {@code config/<env>.properties}. */
        USER,
        /** A safety switch: only an explicit {@code -D} turns it on, never the environment or a properties file. */
        COMMAND_LINE_ONLY,
        /** Passed by the build (pom.xml) or the self-tests, never by people; not in the README's table. */
        BUILD
    }

    private final String name;
    private final SettingType<T> type;
    private final String defaultText;
    private final boolean secret;
    private final Set<Target> targets;
    private final Audience audience;
    private final String description;

    private Setting(String name, SettingType<T> type, String defaultText, boolean secret, Set<Target> targets,
                    Audience audience, String description) {
        this.name = name;
        this.type = type;
        this.defaultText = defaultText;
        this.secret = secret;
        this.targets = Set.copyOf(targets);
        this.audience = audience;
        this.description = description;
    }

    /** A setting with a default (null: none, the setting is optional), for every target. */
    static <T> Setting<T> of(String name, SettingType<T> type, String defaultText, String description) {
        return new Setting<>(name, type, defaultText, false, EnumSet.allOf(Target.class), Audience.USER, description);
    }

    /** The same setting, only for these targets: given explicitly elsewhere, it is refused. */
    Setting<T> only(Target first, Target... more) {
        return new Setting<>(name, type, defaultText, secret, EnumSet.of(first, more), audience, description);
    }

    /** The same setting, its value masked wherever the suite writes. */
    Setting<T> secret() {
        return new Setting<>(name, type, defaultText, true, targets, audience, description);
    }

    Setting<T> commandLineOnly() {
        return new Setting<>(name, type, defaultText, secret, targets, Audience.COMMAND_LINE_ONLY, description);
    }

    Setting<T> setByTheBuild() {
        return new Setting<>(name, type, defaultText, secret, targets, Audience.BUILD, description);
    }

    public String name() {
        return name;
    }

    public SettingType<T> type() {
        return type;
    }

    public Optional<String> defaultText() {
        return Optional.ofNullable(defaultText);
    }

    public boolean isSecret() {
        return secret;
    }

    public Audience audience() {
        return audience;
    }

    public boolean isSafetySwitch() {
        return audience == Audience.COMMAND_LINE_ONLY;
    }

    public String description() {
        return description;
    }

    public boolean appliesTo(Target target) {
        return targets.contains(target);
    }

    /** "sim, cluster", in the order of {@link Target}; "all" when it applies everywhere. */
    public String targetWords() {
        if (targets.size() == Target.values().length) {
            return "all";
        }
        return EnumSet.copyOf(targets).stream().map(Target::words).collect(Collectors.joining(", "));
    }

    /**
     * {@code bff.url} → {@code RELEASE_GATE_BFF_URL}: dots and dashes become underscores, camelCase gains one
     * ({@code gate.failOnIncomplete} → {@code RELEASE_GATE_GATE_FAIL_ON_INCOMPLETE}).
     */
    public String envVar() {
        return envVarOf(name);
    }

    static String envVarOf(String name) {
        return ENV_PREFIX + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').replace('-', '_')
                .toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name;
    }
}
