package com.bffaccounting.gate.config;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's settings table is the catalogue's: one declaration, one table. */
class SettingsDocTest {
    @Test
    void theReadmesSettingsTableIsMadeFromTheCatalogue() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(SettingsDoc.tableIn(readme))
                .as("README.md's settings table differs from config/SettingsCatalog; write it anew with"
                        + " java -cp \"target/test-classes:$(cat target/cp.txt)\" com.bffaccounting.gate.config.SettingsDoc README.md")
                .isEqualTo(SettingsDoc.table());
    }

    @Test
    void everyUserSettingHasItsRowAndNoBuildSettingHasOne() {
        String table = SettingsDoc.table();
        for (Setting<?> setting : SettingsCatalog.all()) {
            assertThat(table.contains("| `" + setting.name() + "` |"))
                    .as(setting.name()).isEqualTo(setting.audience() != Setting.Audience.BUILD);
        }
        assertThat(table).contains("| `deploy` | — (`-D` only) |").contains("`RELEASE_GATE_BFF_URL`")
                .contains("(sim `5s`)");
    }
}
