package com.bffaccounting.gate.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/** The settings each env brings ({@code config/<env>.properties}, resources of this build): the lowest layer. */
final class EnvFiles {
    private EnvFiles() {
    }

    static String envFileName(String env) {
        return env.trim().toLowerCase(Locale.ROOT) + ".properties";
    }

    /** The env files are resources of this build: read once per JVM, however often one setting of the process is asked for. */
    private static final Map<String, Properties> ENV_FILES = new ConcurrentHashMap<>();

    /** A copy of {@code config/<env>.properties}, read from the classpath the first time it is asked for. */
    static Properties loadEnvFile(String env) {
        Properties copy = new Properties();
        copy.putAll(ENV_FILES.computeIfAbsent(envFileName(env), name -> readEnvFile(env)));
        return copy;
    }

    private static Properties readEnvFile(String env) {
        Properties properties = new Properties();
        String resource = "config/" + envFileName(env);
        try (InputStream in = EnvFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ConfigException(resource + ": cannot be read (" + e.getMessage() + ")");
        }
        return properties;
    }

}
