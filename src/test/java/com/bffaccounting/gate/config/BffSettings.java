package com.bffaccounting.gate.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static com.bffaccounting.gate.config.SettingsCatalog.BFF_COMMAND;
import static com.bffaccounting.gate.config.SettingsCatalog.BFF_DATABASE_URL;
import static com.bffaccounting.gate.config.SettingsCatalog.BFF_ENV;
import static com.bffaccounting.gate.config.SettingsCatalog.BFF_IMAGE;
import static com.bffaccounting.gate.config.SettingsCatalog.BFF_START_TIMEOUT;
import static com.bffaccounting.gate.config.SettingsCatalog.BFF_URL;
import static com.bffaccounting.gate.config.SettingsCatalog.BFF_USE_PG;
import static com.bffaccounting.gate.config.SettingsCatalog.BFF_WORKDIR;
import static com.bffaccounting.gate.config.SettingsCatalog.HEALTH_PATH;
import static com.bffaccounting.gate.config.SettingsCatalog.HTTP_TIMEOUT;
import static com.bffaccounting.gate.config.SettingsCatalog.METRICS_PATH;
import static com.bffaccounting.gate.config.SettingsCatalog.READY_PATH;

/**
 * The BFF: where it answers, how the suite starts one (env=local), and its endpoints.
 *
 * @param workdir  where {@code command} starts; a relative one is resolved against the directory the
 *                 suite was run from (the BFF's repository, with {@code mvnw -f}), not the suite's own
 * @param extraEnv {@code bff.env.NAME=value}: more environment for a started BFF, every value a secret
 */
public record BffSettings(URI url, Optional<String> command, Path workdir, Optional<String> image,
                          Duration startTimeout, Duration httpTimeout, String usePg, String databaseUrl,
                          String healthPath, String readyPath, String metricsPath, Map<String, String> extraEnv) {
    private static final String ENV_FAMILY = "bff.env.";

    static BffSettings read(SettingReader r) {
        Map<String, String> extraEnv = new TreeMap<>();
        for (String key : r.source().keysStartingWith(ENV_FAMILY)) {
            String name = key.substring(ENV_FAMILY.length());
            r.require(name.matches("[A-Za-z_][A-Za-z0-9_]*"), key + ": '" + name + "' is not an environment variable name");
            r.member(BFF_ENV, key).ifPresent(v -> extraEnv.put(name, v));
        }
        return new BffSettings(r.get(BFF_URL), r.optional(BFF_COMMAND),
                Settings.invocationDir().resolve(r.get(BFF_WORKDIR)).normalize(), r.optional(BFF_IMAGE),
                r.get(BFF_START_TIMEOUT), r.get(HTTP_TIMEOUT), r.get(BFF_USE_PG), r.get(BFF_DATABASE_URL),
                r.get(HEALTH_PATH), r.get(READY_PATH), r.get(METRICS_PATH), Map.copyOf(extraEnv));
    }
}
