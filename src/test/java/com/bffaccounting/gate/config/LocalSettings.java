package com.bffaccounting.gate.config;

import java.util.Optional;

/** {@code local.cluster=k3s}: env=local with a throwaway K3s (Testcontainers) as its cluster. */
public record LocalSettings(Optional<String> cluster, String k3sImage) {
    static LocalSettings read(SettingReader r) {
        return new LocalSettings(r.optional(SettingsCatalog.LOCAL_CLUSTER), r.get(SettingsCatalog.LOCAL_K3S_IMAGE));
    }
}
