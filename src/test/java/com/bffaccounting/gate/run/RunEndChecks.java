package com.bffaccounting.gate.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks that can only be judged on the whole run, after every other scenario — C9.2 "a verify-only run
 * changes nothing" must also see the writes of scenarios that ran after it. A scenario registers one;
 * {@link GateRun#stop()} judges it before the targets close; the verdict adds the judgement to the
 * scenario's checklist line. One per run ({@link GateRun#endChecks()}).
 */
public final class RunEndChecks {
    /** One judgement: the checklist tags it counts for, what it checked, and what was wrong (empty when nothing). */
    public record Judgement(List<String> tags, String name, Optional<String> problem) {
    }

    private record Pending(List<String> tags, String name, Supplier<Optional<String>> problem) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private final List<Judgement> judged = new ArrayList<>();

    RunEndChecks() {
    }

    public synchronized void register(List<String> tags, String name, Supplier<Optional<String>> problem) {
        pending.add(new Pending(List.copyOf(tags), name, problem));
    }

    synchronized void judgeAll() {
        for (Pending p : pending) {
            Optional<String> problem;
            try {
                problem = p.problem().get();
            } catch (RuntimeException e) {
                problem = Optional.of("could not be judged at the end of the run: " + e.getMessage());
            }
            judged.add(new Judgement(p.tags(), p.name(), problem));
        }
        pending.clear();
    }

    /** The judgements made when the run ended. */
    synchronized List<Judgement> judged() {
        return List.copyOf(judged);
    }
}
