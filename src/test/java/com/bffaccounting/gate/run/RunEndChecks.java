package com.bffaccounting.gate.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks that can only be judged on the whole run, after every other scenario — C9.2 "a verify-only run
 * changes nothing" must also see the writes of scenarios that ran after it. A scenario registers one;
 * {@link GateRun#stop()} judges it before the targets close; the verdict adds the judgement to the
 * scenario's checklist line.
 */
public final class RunEndChecks {
    /** One judgement: the checklist tags it counts for, what it checked, and what was wrong (empty when nothing). */
    public record Judgement(List<String> tags, String name, Optional<String> problem) {
    }

    private record Pending(List<String> tags, String name, Supplier<Optional<String>> problem) {
    }

    private static final List<Pending> PENDING = Collections.synchronizedList(new ArrayList<>());
    private static final List<Judgement> JUDGED = Collections.synchronizedList(new ArrayList<>());

    private RunEndChecks() {
    }

    public static void register(List<String> tags, String name, Supplier<Optional<String>> problem) {
        PENDING.add(new Pending(List.copyOf(tags), name, problem));
    }

    static void judgeAll() {
        synchronized (PENDING) {
            for (Pending p : PENDING) {
                Optional<String> problem;
                try {
                    problem = p.problem().get();
                } catch (RuntimeException e) {
                    problem = Optional.of("could not be judged at the end of the run: " + e.getMessage());
                }
                JUDGED.add(new Judgement(p.tags(), p.name(), problem));
            }
            PENDING.clear();
        }
    }

    /** The judgements of the run that just ended. */
    public static List<Judgement> judged() {
        synchronized (JUDGED) {
            return List.copyOf(JUDGED);
        }
    }

    static void clear() {
        PENDING.clear();
        JUDGED.clear();
    }
}
