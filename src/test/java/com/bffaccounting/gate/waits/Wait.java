package com.bffaccounting.gate.waits;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The suite's one way to wait, in the manner of the Kubernetes e2e framework's {@code WaitForPodCondition}:
 * what is awaited in words, a named {@link Timeout}, an early stop for states that will not change (a pod
 * in ImagePullBackOff, a process that exited), and the last observation in the answer — a wait that runs
 * out says what it saw last. It polls (Awaitility underneath) and never sleeps.
 *
 * <pre>{@code
 * Wait.Outcome<List<Pod>> outcome = Wait.until("pods of deployment/bff-accounting to be ready", this::pods)
 *         .within(timeouts.rollout())
 *         .stoppingEarlyWhen(pods -> pods.stream().anyMatch(p -> "Failed".equals(p.getStatus().getPhase())))
 *         .describedBy(PodStates::describe)
 *         .poll(pods -> pods.stream().allMatch(PodStates::ready));
 * }</pre>
 *
 * @param <T> what one observation is
 */
public final class Wait<T> {
    private final String description;
    private final Supplier<T> observe;
    private Timeout timeout;
    private Predicate<T> permanent = observation -> false;
    private Function<T, String> describe = String::valueOf;
    private Class<? extends RuntimeException> tolerated;

    private Wait(String description, Supplier<T> observe) {
        this.description = description;
        this.observe = observe;
    }

    /** @param description what is awaited, completing "waiting for …" */
    public static <T> Wait<T> until(String description, Supplier<T> observe) {
        return new Wait<>(description, observe);
    }

    public Wait<T> within(Timeout timeout) {
        this.timeout = timeout;
        return this;
    }

    /** A state that will not change however long one waits: the wait ends at once, {@link Outcome#stopped()}. */
    public Wait<T> stoppingEarlyWhen(Predicate<T> permanent) {
        this.permanent = permanent;
        return this;
    }

    /** How an observation reads in a timeout message (the default is its {@code toString}). */
    public Wait<T> describedBy(Function<T, String> describe) {
        this.describe = describe;
        return this;
    }

    /** An observation that fails with this exception is not an answer yet (a server still starting); polling goes on. */
    public Wait<T> tolerating(Class<? extends RuntimeException> failure) {
        this.tolerated = failure;
        return this;
    }

    /** Polls until {@code done}, a permanent state, or the timeout; any other exception from an observation ends the wait and is thrown. */
    public Outcome<T> poll(Predicate<T> done) {
        if (timeout == null) {
            throw new IllegalStateException("waiting for " + description + ": no timeout given");
        }
        Instant start = Instant.now();
        Observed<T> last = new Observed<>();
        Progress progress = new Progress(start);
        try {
            Awaitility.await(description)
                    .atMost(timeout.value())
                    .pollDelay(Duration.ZERO)
                    .pollInterval(timeout.pollInterval())
                    .until(() -> {
                        T observation;
                        try {
                            observation = observe.get();
                        } catch (RuntimeException e) {
                            if (tolerated != null && tolerated.isInstance(e)) {
                                last.fail(e.getMessage());
                                return false;
                            }
                            throw e;
                        }
                        last.set(observation);
                        progress.tell(() -> "waiting for " + description + ": " + describe.apply(observation), timeout);
                        if (permanent.test(observation)) {
                            last.stopped = true;
                            return true;
                        }
                        return done.test(observation);
                    });
        } catch (ConditionTimeoutException e) {
            return new Outcome<>(State.TIMED_OUT, last.value, Duration.between(start, Instant.now()),
                    "timed out after " + timeout.describe() + " waiting for " + description + "; last observed: " + last.describe(describe));
        }
        return new Outcome<>(last.stopped ? State.STOPPED : State.MET, last.value, Duration.between(start, Instant.now()), null);
    }

    /**
     * A wait that lasts says what it waits for, every {@link #EVERY} and in one plain line, so that a console
     * that stays silent for minutes (a cluster run) is never a mystery.
     */
    static final Duration EVERY = Duration.ofSeconds(10);

    private static final class Progress {
        private final Instant start;
        private Instant lastTold;

        Progress(Instant start) {
            this.start = start;
            this.lastTold = start;
        }

        void tell(Supplier<String> what, Timeout timeout) {
            Instant now = Instant.now();
            if (Duration.between(lastTold, now).compareTo(EVERY) >= 0) {
                lastTold = now;
                System.out.println("[release-gate] " + what.get().replaceAll("\\s+", " ") + " (" + Duration.between(start, now).toSeconds()
                        + " s of " + timeout.value().toSeconds() + " s)");
            }
        }
    }

    public enum State { MET, STOPPED, TIMED_OUT }

    /**
     * How a wait ended, with the last observation (null when none was made) and, after a timeout, the
     * message that says what was awaited, for how long, and what was seen last.
     */
    public record Outcome<T>(State state, T last, Duration waited, String timeoutMessage) {
        public boolean met() {
            return state == State.MET;
        }

        public boolean stopped() {
            return state == State.STOPPED;
        }

        public boolean timedOut() {
            return state == State.TIMED_OUT;
        }

        /** The last observation; a timeout is thrown as {@link WaitTimedOut} with its message. */
        public T orThrow() {
            if (timedOut()) {
                throw new WaitTimedOut(timeoutMessage);
            }
            return last;
        }
    }

    private static final class Observed<T> {
        private volatile T value;
        private volatile boolean seen;
        private volatile boolean stopped;
        private volatile String failure;

        void set(T observation) {
            value = observation;
            seen = true;
            failure = null;
        }

        void fail(String why) {
            failure = why;
        }

        /** The last answer, and a failure since it (a server that stopped answering) when there was one. */
        String describe(Function<T, String> describe) {
            if (!seen) {
                return failure != null ? failure : "nothing (no answer yet)";
            }
            return describe.apply(value) + (failure != null ? "; then: " + failure : "");
        }
    }
}
