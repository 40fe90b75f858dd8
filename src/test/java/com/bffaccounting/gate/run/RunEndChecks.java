package com.bffaccounting.gate.run;

import com.bffaccounting.gate.outcome.Observation;

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
    /** One judgement: the checklist tags it counts for, what it checked, what it saw, and what was wrong (empty when nothing). */
    public record Judgement(List<String> tags, String name, Observation observed, Optional<String> problem) {
    }

    /** What a run-end check sees when it looks: the observation, and what is wrong (empty when nothing). */
    public record Look(Observation observed, Optional<String> problem) {
    }

    private record Pending(List<String> tags, String name, Supplier<Look> look) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private final List<Judgement> judged = new ArrayList<>();

    RunEndChecks() {
    }

    public synchronized void register(List<String> tags, String name, Supplier<Look> look) {
        pending.add(new Pending(List.copyOf(tags), name, look));
    }

    synchronized void judgeAll() {
        for (Pending p : pending) {
            Look look;
            try {
                look = p.look().get();
            } catch (RuntimeException e) {
                String why = "could not be judged at the end of the run: " + e.getMessage();
                look = new Look(Observation.note(why), Optional.of(why));
            }
            judged.add(new Judgement(p.tags(), p.name(), look.observed(), look.problem()));
        }
        pending.clear();
    }

    /** The judgements made when the run ended. */
    synchronized List<Judgement> judged() {
        return List.copyOf(judged);
    }
}
