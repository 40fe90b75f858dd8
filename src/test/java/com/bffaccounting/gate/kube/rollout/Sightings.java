package com.bffaccounting.gate.kube.rollout;

import com.bffaccounting.gate.kube.rollout.RolloutProblem.Kind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each problem was first seen by this run, kept across looks (and across Step 3's wait and Step 4's):
 * a problem that is gone from a look is forgotten, so one that comes back starts its grace again.
 */
final class Sightings {
    private final Map<String, Instant> firstSeen = new HashMap<>();

    /** The look's problems with how long each has lasted: those past their grace first, then the others. */
    synchronized Judged judge(List<RolloutClassifier.Candidate> candidates, Instant now) {
        firstSeen.keySet().retainAll(candidates.stream().map(RolloutClassifier.Candidate::key).toList());
        boolean deadlinePassed = candidates.stream().anyMatch(c -> c.problem().kind() == Kind.PROGRESS_DEADLINE);
        List<RolloutProblem> lasting = new ArrayList<>();
        List<RolloutProblem> pending = new ArrayList<>();
        for (RolloutClassifier.Candidate c : candidates) {
            Duration seen = Duration.between(firstSeen.computeIfAbsent(c.key(), k -> now), now);
            RolloutProblem problem = c.problem().lasting(seen);
            (deadlinePassed || seen.compareTo(c.grace()) >= 0 ? lasting : pending).add(problem);
        }
        return new Judged(lasting, pending);
    }

    synchronized void forget() {
        firstSeen.clear();
    }

    /** {@code lasting}: past their grace, a verdict; {@code pending}: seen, still within it. */
    record Judged(List<RolloutProblem> lasting, List<RolloutProblem> pending) {
    }
}
