package com.bffaccounting.gate.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static com.bffaccounting.gate.config.SettingsCatalog.REGISTRY_PASSWORD;
import static com.bffaccounting.gate.config.SettingsCatalog.REGISTRY_TIMEOUT;
import static com.bffaccounting.gate.config.SettingsCatalog.REGISTRY_URL;
import static com.bffaccounting.gate.config.SettingsCatalog.REGISTRY_USERNAME;

/** The image registry's API (C2.4, C4.1): by default the image's host; in sim, the simulated registry. */
public record RegistrySettings(Optional<URI> url, Optional<String> username, Optional<String> password, Duration timeout) {
    static RegistrySettings read(SettingReader r) {
        return new RegistrySettings(r.optional(REGISTRY_URL), r.optional(REGISTRY_USERNAME), r.optional(REGISTRY_PASSWORD),
                r.get(REGISTRY_TIMEOUT));
    }
}
