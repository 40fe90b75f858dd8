package com.bffaccounting.gate.sut;

import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.outcome.NotRun;

import java.util.Optional;

/**
 * Something a check needs (a BFF endpoint, a Kubernetes API, Prometheus) that this run either has or
 * lacks for a stated reason. Steps call {@link #require()}: a missing capability makes the scenario
 * NOT_RUN with that reason, never passed.
 */
public final class Capability<T> {
    private final T value;
    private final String absentReason;
    private final String failure;
    private final boolean unusable;

    private Capability(T value, String absentReason, String failure) {
        this(value, absentReason, failure, false);
    }

    private Capability(T value, String absentReason, String failure, boolean unusable) {
        this.value = value;
        this.absentReason = absentReason;
        this.failure = failure;
        this.unusable = unusable;
    }

    /**
     * The run has it, but cannot use it for reasons outside the release (credentials the API server
     * rejects): every check that needs it is INCONCLUSIVE with {@code reason}, not NOT_RUN.
     */
    public static <T> Capability<T> unusable(String reason) {
        return new Capability<>(null, reason, null, true);
    }

    public static <T> Capability<T> of(T value) {
        return new Capability<>(value, null, null);
    }

    public static <T> Capability<T> absent(String reason) {
        return new Capability<>(null, reason, null);
    }

    /**
     * The run was to have it and it failed to come up (a BFF process that exited): the check about
     * that very thing fails with {@code failure}; every other check needing it is INCONCLUSIVE with
     * {@code absentReason}, a pointer to that check.
     */
    public static <T> Capability<T> failed(String failure, String absentReason) {
        return new Capability<>(null, absentReason, failure, true);
    }

    /** Why it failed to come up, when the run was to have it and it did not. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * What another capability that needs this one lacks when this one is missing: absent for the same kind
     * of reason (NOT_RUN when this is not there, INCONCLUSIVE when it is there but unusable).
     */
    public <U> Capability<U> missingFor(String what) {
        return unusable ? Capability.unusable(what + absentReason) : Capability.absent(what + absentReason);
    }

    public T require() {
        if (value == null) {
            throw unusable ? new Inconclusive(absentReason) : new NotRun(absentReason);
        }
        return value;
    }

    public Optional<T> get() {
        return Optional.ofNullable(value);
    }

    public boolean present() {
        return value != null;
    }

    public String absentReason() {
        return absentReason;
    }
}
