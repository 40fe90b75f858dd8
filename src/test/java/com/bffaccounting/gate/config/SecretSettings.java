package com.bffaccounting.gate.config;

import com.bffaccounting.gate.evidence.Redactor;

import java.util.Arrays;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which raw setting values carry a secret, and their masked form: secret-named probe headers, the
 * registry password, a password inside a URL, the extra environment of a started BFF, and any key that
 * says password, secret, token or API key.
 */
public final class SecretSettings {
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|token|api[-_.]?key).*");
    /**
     * The suite's own settings. Only these are masked in place: the JVM's and the tools' properties
     * (javax.net.ssl.trustStorePassword, say) keep working.
     */
    private static final Pattern SUITE_KEY = Pattern.compile("(env|debug|deploy|rollback|kubeconfig|(gating|registry|bff|prometheus"
            + "|cluster|image|rollback|chart|pilot|metrics|sync|alert|helm|gate|report|sim|local|verdict|log|http)\\..+)");

    private SecretSettings() {
    }

    /** The value as it may be shown: the same when it carries no secret. */
    public static String mask(String key, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (key.startsWith("bff.env.") || SECRET_KEY.matcher(key).matches()) {
            return Redactor.MASK;
        }
        if (key.equals("gating.probeHeaders")) {
            return Arrays.stream(value.split(",")).map(pair -> {
                int eq = pair.indexOf('=');
                return eq > 0 && Redactor.isSecretHeader(pair.substring(0, eq).trim()) ? pair.substring(0, eq + 1) + Redactor.MASK : pair;
            }).collect(Collectors.joining(","));
        }
        return Redactor.maskUserInfo(value);
    }

    /**
     * Masks, in place, every system property that carries a secret. Whatever copies the JVM's properties
     * into a file later (Surefire and Failsafe write them into the JUnit XML of a failing run) then
     * copies masks; the suite reads the originals from {@link SettingSource}'s snapshot.
     */
    public static void maskSystemProperties(Properties properties) {
        for (String key : properties.stringPropertyNames()) {
            if (!SUITE_KEY.matcher(key).matches()) {
                continue;
            }
            String value = properties.getProperty(key);
            String masked = mask(key, value);
            if (!masked.equals(value)) {
                properties.setProperty(key, masked);
            }
        }
    }
}
