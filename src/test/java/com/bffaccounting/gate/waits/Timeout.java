package com.bffaccounting.gate.waits;

import java.time.Duration;

/**
 * A named class of timeout, as the Kubernetes e2e framework names its timeouts (PodStart, PodDelete…):
 * what kind of wait it bounds, how long, and the setting it comes from — so a wait that runs out says
 * which knob to turn. The poll interval follows from it unless given: a fortieth of the timeout, between
 * 100 ms and one second (a ten-minute alert window is asked once a second, a one-second log wait ten
 * times). A wait on something local and quick (a process the suite started) polls faster
 * ({@link #polledEvery}).
 */
public record Timeout(String name, Duration value, String setting, Duration pollInterval) {
    private static final Duration FASTEST_POLL = Duration.ofMillis(100);
    private static final Duration SLOWEST_POLL = Duration.ofSeconds(1);

    public Timeout {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " timeout must be positive, not " + value);
        }
    }

    public Timeout(String name, Duration value, String setting) {
        this(name, value, setting, defaultPoll(value));
    }

    private static Duration defaultPoll(Duration value) {
        Duration fortieth = value.dividedBy(40);
        return fortieth.compareTo(FASTEST_POLL) < 0 ? FASTEST_POLL : fortieth.compareTo(SLOWEST_POLL) > 0 ? SLOWEST_POLL : fortieth;
    }

    /** The same timeout, {@code extra} longer (a margin for one more evaluation, say). */
    public Timeout plus(Duration extra, String why) {
        return new Timeout(name, value.plus(extra), setting + " + " + why);
    }

    /** The same timeout, asked every {@code interval} (never more often than every 100 ms). */
    public Timeout polledEvery(Duration interval) {
        return new Timeout(name, value, setting, interval.compareTo(FASTEST_POLL) < 0 ? FASTEST_POLL : interval);
    }

    /** "5 s (helm.timeout)" */
    public String describe() {
        long millis = value.toMillis();
        return (millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0)) + " (" + setting + ")";
    }
}
