package com.bffaccounting.gate.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static com.bffaccounting.gate.config.SettingsCatalog.SIM_FAULTS;
import static com.bffaccounting.gate.config.SettingsCatalog.SIM_FLAP_RECOVERS_AFTER;
import static com.bffaccounting.gate.config.SettingsCatalog.SIM_SLOW_ROLLOUT_DELAY;
import static com.bffaccounting.gate.config.SettingsCatalog.SIM_SYNC_ERROR_RATE;
import static com.bffaccounting.gate.config.SettingsCatalog.SIM_SYNC_LAG;
import static com.bffaccounting.gate.config.SettingsCatalog.SIM_SYNC_SOURCES;

/** The simulated pilot: its faults (names are the simulator's business: SimTargets checks them) and timings. */
public record SimSettings(Set<String> faults, List<String> syncSources, Duration syncLag,
                          double syncErrorRate, Duration slowRolloutDelay, Duration flapRecoversAfter,
                          Duration apiDelay, String apiHang, String user, java.util.Optional<String> userRules) {
    static SimSettings read(SettingReader r) {
        return new SimSettings(Set.copyOf(new LinkedHashSet<>(r.optional(SIM_FAULTS).orElse(List.of()))), r.get(SIM_SYNC_SOURCES),
                r.get(SIM_SYNC_LAG), r.get(SIM_SYNC_ERROR_RATE), r.get(SIM_SLOW_ROLLOUT_DELAY), r.get(SIM_FLAP_RECOVERS_AFTER),
                r.get(SettingsCatalog.SIM_API_DELAY), r.get(SettingsCatalog.SIM_API_HANG),
                r.get(SettingsCatalog.SIM_USER), r.optional(SettingsCatalog.SIM_USER_RULES));
    }
}
