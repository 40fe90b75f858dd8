package com.bffaccounting.gate.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The README's settings table, made from {@link SettingsCatalog}: it stands between two markers, and
 * {@code SettingsDocTest} fails when it differs. To write it anew after changing a declaration:
 * {@code java -cp "target/test-classes:$(cat target/cp.txt)" com.bffaccounting.gate.config.SettingsDoc README.md}.
 */
public final class SettingsDoc {
    static final String START = "<!-- settings table: made from config/SettingsCatalog by config/SettingsDoc; do not edit by hand -->";
    static final String END = "<!-- end of settings table -->";

    private SettingsDoc() {
    }

    /** The table with each env's own defaults, from {@code config/<env>.properties}. */
    public static String table() {
        Map<String, Properties> envFiles = new LinkedHashMap<>();
        for (Env env : Env.values()) {
            envFiles.put(env.id(), EnvFiles.loadEnvFile(env.id()));
        }
        return markdownTable(envFiles);
    }

    /** The table as the README holds it now, between the markers; null when the markers are missing. */
    static String tableIn(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        return start < 0 || end < start ? null : readme.substring(start + START.length(), end).strip() + "\n";
    }

    public static void main(String[] args) throws IOException {
        Path readme = Path.of(args.length > 0 ? args[0] : "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(readme + " has no settings-table markers");
        }
        Files.writeString(readme, text.substring(0, start + START.length()) + "\n" + table() + text.substring(end), StandardCharsets.UTF_8);
    }

    /**
     * The README's settings table: one row per setting people give, with its environment variable, its
     * default (and each env's own, from {@code config/<env>.properties}), where it applies, and its meaning.
     */
    static String markdownTable(Map<String, Properties> envFiles) {
        StringBuilder table = new StringBuilder("| setting | environment variable | default | applies to | meaning |\n|---|---|---|---|---|\n");
        for (Setting<?> s : SettingsCatalog.all()) {
            if (s.audience() == Setting.Audience.BUILD) {
                continue;
            }
            StringBuilder defaults = new StringBuilder(s.defaultText().filter(d -> !d.isEmpty()).map(d -> "`" + d + "`").orElse("—"));
            envFiles.forEach((env, file) -> {
                String value = file.getProperty(s.name());
                if (value != null && !value.equals(s.defaultText().orElse(null))) {
                    defaults.append(" (").append(env).append(" `").append(value).append("`)");
                }
            });
            String variable = s.isSafetySwitch() ? "— (`-D` only)" : s == SettingsCatalog.BFF_ENV ? "`" + Setting.envVarOf(SettingNames.BFF_ENV_PREFIX) + "NAME`" : "`" + s.envVar() + "`";
            table.append("| `").append(s.name()).append("` | ").append(variable).append(" | ").append(defaults).append(" | ")
                    .append(s.targetWords()).append(" | ").append(s.description()).append(s.isSecret() ? " (secret)" : "").append(" |\n");
        }
        return table.toString();
    }
}
