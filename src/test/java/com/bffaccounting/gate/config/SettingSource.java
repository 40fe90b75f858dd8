package com.bffaccounting.gate.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Raw setting lookup, in the order the README documents: system property, then environment
 * variable, then {@code config/<env>.properties} on the test classpath, then the caller's default.
 *
 * <p>The environment variable of {@code bff.url} is {@code BFF_URL}: dots and dashes become
 * underscores, camelCase gains an underscore ({@code gate.failOnIncomplete} → {@code GATE_FAIL_ON_INCOMPLETE}).
 */
public final class SettingSource {
    private final Properties systemProperties;
    private final Map<String, String> environment;
    private final Properties envFile;

    public SettingSource(Properties systemProperties, Map<String, String> environment, Properties envFile) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.envFile = envFile;
    }

    /** The layers of this process, with the properties file of the env they name. */
    public static SettingSource fromProcess() {
        Properties system = System.getProperties();
        Map<String, String> environment = System.getenv();
        SettingSource withoutFile = new SettingSource(system, environment, new Properties());
        String env = withoutFile.lookup("env").orElse("sim");
        return new SettingSource(system, environment, loadEnvFile(env));
    }

    static Properties loadEnvFile(String env) {
        Properties properties = new Properties();
        String resource = "config/" + env.trim().toLowerCase(Locale.ROOT) + ".properties";
        try (InputStream in = SettingSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ConfigException(resource + ": cannot be read (" + e.getMessage() + ")");
        }
        return properties;
    }

    public Optional<String> lookup(String key) {
        String value = systemProperties.getProperty(key);
        if (value == null) {
            value = environment.get(envVarName(key));
        }
        if (value == null) {
            value = envFile.getProperty(key);
        }
        return Optional.ofNullable(value).map(String::trim);
    }

    public static String envVarName(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replace('.', '_')
                .replace('-', '_')
                .toUpperCase(Locale.ROOT);
    }
}
