package com.bffaccounting.gate.outcome;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;

import static org.assertj.core.api.Assertions.assertThat;

/** TLS failures told apart the way a person fixes them, from the JDK's own exception chains. */
class CausesTest {
    private static Throwable handshake(String message, Throwable cause) {
        return new IOException("Failed to create SSL connection", (Throwable) new SSLHandshakeException(message).initCause(cause));
    }

    @Test
    void anUntrustedCaAHostNameMismatchAnExpiredCertificateAndARejectedClientCertificateGetTheirOwnLines() {
        assertThat(Causes.describe(handshake("PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException:"
                + " unable to find valid certification path to requested target", new CertPathValidatorException("x"))))
                .contains("TLS failed: the server's certificate is not signed by a CA this client trusts").doesNotContain("sun.");
        assertThat(Causes.describe(handshake("No subject alternative names matching IP address 127.0.0.2 found",
                new CertificateException("No subject alternative names matching IP address 127.0.0.2 found"))))
                .contains("not for this host name (No subject alternative names matching IP address 127.0.0.2)");
        assertThat(Causes.describe(handshake("PKIX path validation failed: validity check failed",
                new CertificateExpiredException("NotAfter: Tue Nov 30 00:00:00 UTC 2026"))))
                .contains("the server's certificate has expired");
        assertThat(Causes.describe(handshake("Received fatal alert: bad_certificate", null)))
                .contains("the server rejected the client certificate (Received fatal alert: bad_certificate)");
    }
}
