package com.bffaccounting.gate.evidence;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
    private final Redactor redactor = new Redactor(List.of("S3CR3T-abcdef", "app"));

    @Test
    void masksConfiguredSecretsAnywhere() {
        assertThat(redactor.redact("key was S3CR3T-abcdef here")).isEqualTo("key was *** here");
    }

    @Test
    void shortSecretsAreMaskedByShapeNotEverywhere() {
        assertThat(redactor.redact("ghcr.io/x/ondevice_app/bff:1 postgres://app:app@db/app"))
                .isEqualTo("ghcr.io/x/ondevice_app/bff:1 postgres://app:***@db/app");
    }

    @Test
    void masksSecretHeadersBearerTokensAndUrlPasswords() {
        String text = "X-Api-Key: anything-at-all\nX-User-Role: operator\nAuthorization: Bearer eyJhbGciOi.x.y\n"
                + "see https://bob:pw123456@host/path";
        String out = redactor.redact(text);
        assertThat(out).contains("X-Api-Key: ***", "X-User-Role: operator", "Authorization: ***", "https://bob:***@host")
                .doesNotContain("anything-at-all", "eyJhbGciOi", "pw123456");
    }

    @Test
    void headerValuesAreMaskedByName() {
        assertThat(redactor.headerValue("X-API-KEY", "v")).isEqualTo("***");
        assertThat(redactor.headerValue("X-Tenant", "pilot-a")).isEqualTo("pilot-a");
    }
}
