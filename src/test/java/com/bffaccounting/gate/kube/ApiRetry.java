package com.bffaccounting.gate.kube;

import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.waits.Timeout;
import com.bffaccounting.gate.waits.Wait;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Reads asked again while the API server's answer is transient — 429 Too Many Requests, a 5xx, a reset
 * connection — as client-go's reads are: after the server's {@code Retry-After} when it gives one, else
 * after a backoff that doubles from 200 ms, and all within a budget ({@code cluster.requestTimeout}). A
 * healthy read is sent once and never waits; a timeout is not asked again (it has cost its timeout already).
 */
final class ApiRetry {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(2);

    private final Duration budget;
    private final AtomicInteger retries = new AtomicInteger();

    ApiRetry(Duration budget) {
        this.budget = budget;
    }

    /** One read's end: its value, or the last failure, and how many times it was sent. */
    record Answer<T>(T value, KubernetesClientException failure, int attempts) {
        boolean succeeded() {
            return failure == null;
        }
    }

    Duration budget() {
        return budget;
    }

    int retries() {
        return retries.get();
    }

    <T> Answer<T> read(String what, Supplier<T> request) {
        Answer<T> first = attempt(request, 1);
        if (first.succeeded() || !isTransient(first.failure())) {
            return first;
        }
        Again<T> again = new Again<>(request, first);
        Wait.Outcome<Answer<T>> outcome = Wait.until("the API server to answer " + what, again::attemptWhenDue)
                .within(new Timeout("API retries", budget, "cluster.requestTimeout").polledEvery(Duration.ofMillis(100)))
                .stoppingEarlyWhen(a -> !a.succeeded() && !isTransient(a.failure()))
                .poll(Answer::succeeded);
        return outcome.last() == null ? first : outcome.last();
    }

    private <T> Answer<T> attempt(Supplier<T> request, int attempt) {
        try {
            return new Answer<>(request.get(), null, attempt);
        } catch (KubernetesClientException e) {
            return new Answer<>(null, e, attempt);
        }
    }

    /** A 429 or 5xx the server answered, or a connection it reset; never a timeout or a refusal to connect. */
    static boolean isTransient(KubernetesClientException e) {
        if (ApiErrors.TRANSIENT.contains(e.getCode())) {
            return true;
        }
        String why = e.getCode() <= 0 ? Causes.describe(e).toLowerCase(java.util.Locale.ROOT) : "";
        return why.contains("connection reset") || why.contains("stream was reset");
    }

    /** The retries of one read: each sent only once the wait the last answer asked for is over. */
    private final class Again<T> {
        private final Supplier<T> request;
        private volatile Answer<T> last;
        private volatile long dueNanos;

        Again(Supplier<T> request, Answer<T> first) {
            this.request = request;
            this.last = first;
            this.dueNanos = System.nanoTime() + delayAfter(first).toNanos();
        }

        Answer<T> attemptWhenDue() {
            if (System.nanoTime() < dueNanos) {
                return last;
            }
            retries.incrementAndGet();
            last = attempt(request, last.attempts() + 1);
            if (!last.succeeded()) {
                dueNanos = System.nanoTime() + delayAfter(last).toNanos();
            }
            return last;
        }

        private Duration delayAfter(Answer<T> answer) {
            Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(answer.attempts() - 1, 4));
            Duration chosen = ApiErrors.retryAfterSeconds(answer.failure()).map(Duration::ofSeconds)
                    .orElse(backoff.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff);
            return chosen.compareTo(budget) > 0 ? budget : chosen;
        }
    }
}
