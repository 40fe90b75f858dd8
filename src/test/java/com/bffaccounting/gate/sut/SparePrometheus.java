package com.bffaccounting.gate.sut;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The next simulated run's Prometheus, started while this one runs. Prometheus 2 hands its first scrape
 * targets over on a five-second tick, and a JVM that composes run after run (the self-tests: the fault
 * matrix is forty runs) would wait that out every time. Only a JVM that has already composed a run keeps
 * a spare, so a single gate run never starts a Prometheus it does not use.
 *
 * <p>Each Prometheus scrapes its own {@link ScrapeRelay}, which refuses connections until its run's SimBff
 * exists and then relays to it; {@link SuitePrometheus#client()} waits for a scrape that began after that.
 * So a spare's store holds nothing but {@code up == 0} from before, and a run never sees another's data.
 * A spare for other rules or settings is stopped, not used.
 */
final class SparePrometheus {
    /** What makes two Prometheus servers interchangeable. */
    record Key(Path binary, String rules, Duration scrapeInterval, Duration queryTimeout) {
    }

    /** A Prometheus for one run, the relay it scrapes, and what it could be a spare for (none: not reusable). */
    record Lease(SuitePrometheus prometheus, ScrapeRelay relay, Key key) {
        Optional<Key> reusableAs() {
            return Optional.ofNullable(key);
        }
    }

    private static Lease spare;
    private static boolean leasedBefore;

    private SparePrometheus() {
    }

    /** The spare when it fits, or a Prometheus started now. */
    static synchronized Lease lease(Key key) {
        if (spare != null && key.equals(spare.key())) {
            Lease lease = spare;
            spare = null;
            return lease;
        }
        discard();
        return start(key.binary(), key::rules, key.scrapeInterval(), key.queryTimeout(), key);
    }

    /** A Prometheus for this run alone, never kept as a spare (its rules are rendered as it starts). */
    static Lease startOnce(Path binary, Supplier<String> rules, Duration scrapeInterval, Duration queryTimeout) {
        return start(binary, rules, scrapeInterval, queryTimeout, null);
    }

    /** From this JVM's second run on, starts the next run's spare. */
    static synchronized void prepareNext(Key key) {
        if (leasedBefore && spare == null) {
            spare = start(key.binary(), key::rules, key.scrapeInterval(), key.queryTimeout(), key);
        }
        leasedBefore = true;
    }

    private static Lease start(Path binary, Supplier<String> rules, Duration scrapeInterval, Duration queryTimeout, Key key) {
        ScrapeRelay relay = new ScrapeRelay();
        return new Lease(new SuitePrometheus(binary, relay.address(), rules, scrapeInterval, queryTimeout), relay, key);
    }

    private static void discard() {
        if (spare != null) {
            spare.prometheus().close();
            spare.relay().close();
            spare = null;
        }
    }
}
