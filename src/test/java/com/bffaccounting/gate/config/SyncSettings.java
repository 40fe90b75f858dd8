package com.bffaccounting.gate.config;

import java.time.Duration;

import static com.bffaccounting.gate.config.SettingsCatalog.ALERT_FOR;
import static com.bffaccounting.gate.config.SettingsCatalog.ALERT_NAME;
import static com.bffaccounting.gate.config.SettingsCatalog.ALERT_P1_WINDOW;
import static com.bffaccounting.gate.config.SettingsCatalog.SYNC_CALLS;
import static com.bffaccounting.gate.config.SettingsCatalog.SYNC_ERRORS;
import static com.bffaccounting.gate.config.SettingsCatalog.SYNC_ERROR_RATE_WINDOW;
import static com.bffaccounting.gate.config.SettingsCatalog.SYNC_LAST_TS;
import static com.bffaccounting.gate.config.SettingsCatalog.SYNC_MAX_ERROR_RATE;
import static com.bffaccounting.gate.config.SettingsCatalog.SYNC_MAX_LAG;
import static com.bffaccounting.gate.config.SettingsCatalog.SYNC_SOURCE_LABEL;
import static com.bffaccounting.gate.config.SettingsCatalog.SYNC_WHEN_ABSENT;

/**
 * The external-sync SLOs (C12): the series, the thresholds, and ExternalSyncStale.
 *
 * @param alertFor the rule's {@code for}: how long a source stays stale before ExternalSyncStale fires
 */
public record SyncSettings(String lastTsMetric, String errorsMetric, String callsMetric, String sourceLabel,
                           Duration maxLag, double maxErrorRate, Duration errorRateWindow,
                           boolean absentIsInconclusive, String alertName, Duration p1Window, Duration alertFor) {
    static SyncSettings read(SettingReader r) {
        return new SyncSettings(r.get(SYNC_LAST_TS), r.get(SYNC_ERRORS), r.get(SYNC_CALLS), r.get(SYNC_SOURCE_LABEL),
                r.get(SYNC_MAX_LAG), r.get(SYNC_MAX_ERROR_RATE), r.get(SYNC_ERROR_RATE_WINDOW),
                r.get(SYNC_WHEN_ABSENT).equals("inconclusive"), r.get(ALERT_NAME), r.get(ALERT_P1_WINDOW), r.get(ALERT_FOR));
    }
}
