package com.bffaccounting.gate.config;

import java.time.Duration;

/** C11.3: how long a refusal may take to reach the BFF's log. */
public record LogSettings(Duration waitTimeout) {
    static LogSettings read(SettingReader r) {
        return new LogSettings(r.get(SettingsCatalog.LOG_WAIT_TIMEOUT));
    }
}
