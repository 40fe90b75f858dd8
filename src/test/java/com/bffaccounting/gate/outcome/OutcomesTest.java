package com.bffaccounting.gate.outcome;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** The one outcome vocabulary: the status is decided by the type thrown, and reasons carry no Java class names. */
class OutcomesTest {
    @Test
    void theTypeDecidesTheStatus() {
        assertThat(Outcomes.statusOf((Throwable) null)).isEqualTo(CheckStatus.PASS);
        assertThat(Outcomes.statusOf(new P1Finding("x"))).isEqualTo(CheckStatus.P1);
        assertThat(Outcomes.statusOf(new CheckFailed("x"))).isEqualTo(CheckStatus.FAIL);
        assertThat(Outcomes.statusOf(new AssertionError("x"))).isEqualTo(CheckStatus.FAIL);
        assertThat(Outcomes.statusOf(new Unreachable("http://h:1/health", "connection refused"))).isEqualTo(CheckStatus.INCONCLUSIVE);
        assertThat(Outcomes.statusOf(new Inconclusive("x"))).isEqualTo(CheckStatus.INCONCLUSIVE);
        assertThat(Outcomes.statusOf(new NotRun("x"))).isEqualTo(CheckStatus.NOT_RUN);
        assertThat(Outcomes.statusOf(new TestAbortedException("assumption"))).isEqualTo(CheckStatus.NOT_RUN);
        // an exception the suite did not expect cannot blame the release, and must not pass
        assertThat(Outcomes.statusOf(new IllegalStateException("bug"))).isEqualTo(CheckStatus.INCONCLUSIVE);
    }

    @Test
    void aMessageThatLooksLikeAnotherOutcomeDoesNotChangeTheStatus() {
        assertThat(Outcomes.statusOf(new CheckFailed("inconclusive: not run: P1: x"))).isEqualTo(CheckStatus.FAIL);
        assertThat(Outcomes.statusOf(new Inconclusive("P1: x"))).isEqualTo(CheckStatus.INCONCLUSIVE);
    }

    @Test
    void causesAreWordsNotClassNames() {
        assertThat(Causes.describe(new UncheckedIOException(new ConnectException("Connection refused")))).isEqualTo("connection refused");
        assertThat(Causes.describe(new RuntimeException(new SocketTimeoutException("Read timed out")))).isEqualTo("timed out (Read timed out)");
        assertThat(Causes.describe(new IllegalStateException("cannot read kubeconfig /x", new IOException("denied"))))
                .doesNotContain("Exception");
        assertThat(Outcomes.reasonOf(new NullPointerException())).startsWith("the suite could not finish this check: ")
                .doesNotContain("NullPointerException");
    }

    @Test
    void manySubjectsMakeOneMessageOfOneShape() {
        Findings findings = new Findings("sources are behind");
        findings.pass("a").fail("b", "last synced 6m ago").pass("c");
        assertThat(findings.status()).isEqualTo(CheckStatus.FAIL);
        Assertions.assertThatThrownBy(findings::conclude).isInstanceOf(CheckFailed.class)
                .hasMessage("1 of 3 sources are behind — b: last synced 6m ago");
        new Findings("x").pass("a").conclude();
    }
}
