package com.bffaccounting.gate.target;

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

    private Capability(T value, String absentReason) {
        this.value = value;
        this.absentReason = absentReason;
    }

    public static <T> Capability<T> of(T value) {
        return new Capability<>(value, null);
    }

    public static <T> Capability<T> absent(String reason) {
        return new Capability<>(null, reason);
    }

    public T require() {
        if (value == null) {
            throw new NotRun(absentReason);
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
