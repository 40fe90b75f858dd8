package com.bffaccounting.gate.waits;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitTest {
    private static final Timeout SHORT = new Timeout("test", Duration.ofMillis(400), "a test's");

    @Test
    void endsWhenTheConditionIsMetWithTheLastObservation() {
        AtomicInteger count = new AtomicInteger();
        Wait.Outcome<Integer> outcome = Wait.until("three looks", count::incrementAndGet).within(SHORT).poll(n -> n >= 3);
        assertThat(outcome.met()).isTrue();
        assertThat(outcome.last()).isEqualTo(3);
    }

    @Test
    void aPermanentStateEndsTheWaitAtOnce() {
        Wait.Outcome<String> outcome = Wait.until("a pod to be ready", () -> "ImagePullBackOff")
                .within(new Timeout("rollout", Duration.ofMinutes(5), "helm.timeout"))
                .stoppingEarlyWhen("ImagePullBackOff"::equals)
                .poll("Ready"::equals);
        assertThat(outcome.stopped()).isTrue();
        assertThat(outcome.waited()).isLessThan(Duration.ofSeconds(5));
        assertThat(outcome.orThrow()).isEqualTo("ImagePullBackOff");
    }

    @Test
    void aTimeoutSaysWhatWasAwaitedItsNamedTimeoutAndTheLastObservation() {
        Wait.Outcome<String> outcome = Wait.until("the log line", () -> "3 lines, none matching")
                .within(SHORT).describedBy(s -> "<" + s + ">").poll(s -> false);
        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.timeoutMessage())
                .isEqualTo("timed out after 0.4 s (a test's) waiting for the log line; last observed: <3 lines, none matching>");
        assertThatThrownBy(outcome::orThrow).isInstanceOf(WaitTimedOut.class).hasMessage(outcome.timeoutMessage());
    }

    @Test
    void aToleratedFailureIsNotAnAnswerYet() {
        AtomicInteger count = new AtomicInteger();
        Wait.Outcome<Integer> outcome = Wait.until("a server to answer", () -> {
            if (count.incrementAndGet() < 3) {
                throw new IllegalStateException("connection refused");
            }
            return 200;
        }).within(SHORT).tolerating(IllegalStateException.class).poll(code -> code == 200);
        assertThat(outcome.met()).isTrue();

        Wait.Outcome<Integer> never = Wait.<Integer>until("a server to answer", () -> {
            throw new IllegalStateException("connection refused");
        }).within(SHORT).tolerating(IllegalStateException.class).poll(code -> true);
        assertThat(never.timeoutMessage()).endsWith("last observed: connection refused");
    }

    @Test
    void anyOtherFailureEndsTheWaitAndIsThrown() {
        assertThatThrownBy(() -> Wait.<Integer>until("an answer", () -> {
            throw new UnsupportedOperationException("the API server refused");
        }).within(SHORT).poll(x -> true)).isInstanceOf(UnsupportedOperationException.class).hasMessage("the API server refused");
    }

    @Test
    void pollsAFortiethOfTheTimeoutBetweenATenthOfASecondAndASecond() {
        assertThat(new Timeout("a", Duration.ofSeconds(1), "s").pollInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(new Timeout("a", Duration.ofSeconds(20), "s").pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(new Timeout("a", Duration.ofMinutes(10), "s").pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new Timeout("a", Duration.ofMinutes(10), "s").polledEvery(Duration.ofMillis(250)).pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(new Timeout("a", Duration.ofMinutes(10), "s").polledEvery(Duration.ofMillis(10)).pollInterval()).isEqualTo(Duration.ofMillis(100));
    }
}
