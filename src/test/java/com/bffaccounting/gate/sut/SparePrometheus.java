package com.bffaccounting.gate.sut;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The next simulated run's Prometheus, started while this one runs. Prometheus 2 hands its first scrape
 * targets over on a five-second tick, and a JVM that composes run after run (the self-tests: the fault
 * matrix is forty runs) would wait that out every time. Only a JVM that has already composed a run keeps
 * a spare, so a single gate run never starts a Prometheus it does not use.
 *
 * <p>Each Prometheus scrapes its own {@link ScrapeRelay}, which refuses connections until its run's SimBff
 * exists and then relays to it; {@link SuitePrometheus#client()} waits for a scrape that began after that.
 * So a spare's store holds nothing but {@code up == 0} from before, and a run never sees another's data.
 * A spare starts with the rules of the run that started it and is given the next run's (a reload when they
 * differ); a spare for another binary or other intervals is stopped, not used.
 */
final class SparePrometheus {
    /** What makes two Prometheus servers interchangeable. */
    record Key(Path binary, Duration scrapeInterval, Duration queryTimeout) {
    }

    /** A Prometheus for one run, the relay it scrapes, what it is interchangeable with, and the run's rules. */
    record Lease(SuitePrometheus prometheus, ScrapeRelay relay, Key key, CompletableFuture<String> rules) {
    }

    private static Lease spare;
    private static boolean leasedBefore;

    private SparePrometheus() {
    }

    /** The spare when it fits, or a Prometheus started now; either evaluates {@code rules} once they are rendered. */
    static Lease lease(Key key, CompletableFuture<String> rules) {
        Lease lease = spareOrStart(key);
        lease.prometheus().useRules(rules);
        return new Lease(lease.prometheus(), lease.relay(), key, rules);
    }

    private static synchronized Lease spareOrStart(Key key) {
        if (spare != null && key.equals(spare.key())) {
            Lease lease = spare;
            spare = null;
            return lease;
        }
        discard();
        return start(key);
    }

    /** From this JVM's second run on, starts the next run's spare, with this run's rules (likely the next run's too). */
    static synchronized void prepareNext(Lease current) {
        if (leasedBefore && spare == null) {
            spare = start(current.key());
            spare.prometheus().useRules(current.rules());
        }
        leasedBefore = true;
    }

    private static Lease start(Key key) {
        ScrapeRelay relay = new ScrapeRelay();
        return new Lease(new SuitePrometheus(key.binary(), relay.address(), key.scrapeInterval(), key.queryTimeout()), relay, key, null);
    }

    private static void discard() {
        if (spare != null) {
            spare.prometheus().close();
            spare.relay().close();
            spare = null;
        }
    }
}
