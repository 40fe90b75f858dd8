package com.bffaccounting.gate.config;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The names of {@link SettingsCatalog}'s settings as people and environments spell them: which setting a name
 * or an environment variable is, whether a property name looks like one of ours (a typo of one), and the
 * closest declared name for one that is not.
 */
public final class SettingNames {
    private SettingNames() {
    }

    /** The JDK's own networking properties share the {@code http.} prefix: they are not the suite's. */
    private static final Pattern JDK_PROPERTY = Pattern.compile("http\\.(proxy\\w*|nonProxyHosts|agent|keepAlive|maxConnections|maxRedirects"
            + "|auth\\..*|retryPost|strictPostRedirect)");
    /** First words of other tools' properties within two edits of ours. */
    private static final Set<String> OTHER_TOOLS = Set.of("https", "locale", "gatling", "charset");
    static final String BFF_ENV_PREFIX = "bff.env.";
    private static final Map<String, Setting<?>> BY_NAME = SettingsCatalog.all().stream().collect(Collectors.toMap(Setting::name, Function.identity(),
            (a, b) -> a, LinkedHashMap::new));
    private static final Map<String, Setting<?>> BY_ENV_VAR = SettingsCatalog.all().stream().collect(Collectors.toMap(Setting::envVar, Function.identity(),
            (a, b) -> a, LinkedHashMap::new));
    /** The first word of every dotted name ({@code bff}, {@code cluster}, …), and the undotted names: what a setting of ours looks like. */
    private static final Set<String> PREFIXES = SettingsCatalog.all().stream().map(s -> s.name().split("\\.")[0]).collect(Collectors.toCollection(TreeSet::new));

    /** The declared setting of a name ({@code bff.env.JWT_SECRET} is one of the family {@code bff.env.NAME}). */
    public static Optional<Setting<?>> named(String name) {
        if (name.startsWith(BFF_ENV_PREFIX) && name.length() > BFF_ENV_PREFIX.length()) {
            return Optional.of(SettingsCatalog.BFF_ENV);
        }
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The setting an environment variable sets, and its name ({@code RELEASE_GATE_BFF_ENV_JWT_SECRET} → {@code bff.env.JWT_SECRET}). */
    public static Optional<String> nameOfEnvVar(String variable) {
        String family = Setting.envVarOf(BFF_ENV_PREFIX);
        if (variable.startsWith(family) && variable.length() > family.length()) {
            return Optional.of(BFF_ENV_PREFIX + variable.substring(family.length()));
        }
        return Optional.ofNullable(BY_ENV_VAR.get(variable)).map(Setting::name);
    }

    /**
     * Whether a property name is one of ours or a typo of one: under one of the suite's prefixes, or with a
     * first word (or an undotted name) of five letters or more within two edits of ours ({@code clutser.},
     * {@code deplyo}). Shorter words and other tools' prefixes that happen to be near ({@code https.},
     * {@code locale.}) are left to their owners.
     */
    public static boolean looksLikeOurs(String name) {
        if (JDK_PROPERTY.matcher(name).matches()) {
            return false;
        }
        int dot = name.indexOf('.');
        String first = dot > 0 ? name.substring(0, dot) : name;
        if (dot > 0 ? PREFIXES.contains(first) : BY_NAME.containsKey(name)) {
            return true;
        }
        if (first.length() < 5 || OTHER_TOOLS.contains(first)) {
            return false;
        }
        Set<String> near = dot > 0 ? PREFIXES : BY_NAME.keySet().stream().filter(n -> !n.contains(".")).collect(Collectors.toSet());
        LevenshteinDistance distance = new LevenshteinDistance(2);
        return near.stream().anyMatch(known -> distance.apply(first, known) >= 0);
    }

    /** "unknown setting clutser.context — did you mean cluster.context?" */
    public static String unknown(String name) {
        return "unknown setting " + name + closest(name, BY_NAME.keySet()).map(c -> " — did you mean " + c + "?")
                .orElse(" — the settings are listed in README.md (Settings)");
    }

    /** The same for an environment variable: "unknown setting RELEASE_GATE_BFF_ULR — did you mean RELEASE_GATE_BFF_URL (bff.url)?" */
    public static String unknownEnvVar(String variable) {
        return "unknown setting " + variable + closest(variable, BY_ENV_VAR.keySet())
                .map(c -> " — did you mean " + c + " (" + BY_ENV_VAR.get(c).name() + ")?")
                .orElse(" — the settings are listed in README.md (Settings)");
    }

    /** The nearest known name, when it is near enough to be what was meant. */
    static Optional<String> closest(String name, Set<String> known) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String lower = name.toLowerCase(Locale.ROOT);
        return known.stream()
                .map(k -> Map.entry(k, distance.apply(lower, k.toLowerCase(Locale.ROOT))))
                .min(Comparator.comparingInt(Map.Entry<String, Integer>::getValue))
                .filter(e -> e.getValue() <= Math.max(2, e.getKey().length() / 4))
                .map(Map.Entry::getKey);
    }
}
