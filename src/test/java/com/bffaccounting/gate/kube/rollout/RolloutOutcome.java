package com.bffaccounting.gate.kube.rollout;

import com.bffaccounting.gate.outcome.CheckFailed;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rollout as Step 4 judges it. Each line asks the outcome for its own judgement, in the words of its
 * check; {@code diagnosis} turns a problem into the line people read (with what the registry says of the tag).
 */
public sealed interface RolloutOutcome permits RolloutOutcome.Ready, RolloutOutcome.Failed, RolloutOutcome.TimedOut, RolloutOutcome.Missing {
    /** The release's pods as this outcome last saw them (none when the Deployment is missing). */
    List<Pod> seenPods();

    /** The Deployment as this outcome last saw it, when it looked at one. */
    default Optional<Deployment> seenDeployment() {
        return this instanceof Ready ready ? Optional.of(ready.look().deployment())
                : this instanceof Failed failed ? Optional.of(failed.look().deployment()) : Optional.empty();
    }

    /** C6.1: every pod Running and Ready, with no restarts; otherwise the first reason it is not. */
    default Ready requireReady(String deployment, Function<RolloutProblem, String> diagnosis) {
        if (this instanceof Missing missing) {
            throw new CheckFailed(missing.what());
        }
        if (this instanceof Failed failed) {
            throw new CheckFailed(diagnosis.apply(failed.headline()));
        }
        if (this instanceof TimedOut timedOut) {
            throw new CheckFailed("pods of " + deployment + " not ready after " + timedOut.waited().toSeconds() + " s: "
                    + timedOut.state() + "\n" + PodStates.describe(timedOut.pods()));
        }
        Ready ready = (Ready) this;
        List<Pod> restarted = ready.pods().stream().filter(p -> PodStates.restarts(p) > 0).toList();
        if (!restarted.isEmpty()) {
            throw new CheckFailed("pods restarted: " + PodStates.describe(restarted).trim());
        }
        return ready;
    }

    /** C10.2: fails only for an image that cannot be pulled, as its words say; another failure is only named. */
    default Optional<RolloutProblem> requireNoImagePullFailure(Function<RolloutProblem, String> diagnosis) {
        if (this instanceof Missing missing) {
            throw new CheckFailed(missing.what());
        }
        if (this instanceof Failed failed) {
            failed.imagePull().ifPresent(pull -> {
                throw new CheckFailed("image pull failed: " + diagnosis.apply(pull));
            });
            return Optional.of(failed.headline());
        }
        return Optional.empty();
    }

    /** C6.2: every replica updated and available; otherwise why the rollout is incomplete. */
    default void requireComplete(String deployment, Function<RolloutProblem, String> diagnosis) {
        if (this instanceof Missing missing) {
            throw new CheckFailed(missing.what());
        }
        if (this instanceof Failed failed) {
            throw new CheckFailed(deployment + " rollout incomplete: " + RolloutInspector.rolloutComplete(failed.look().deployment())
                    .orElse("all replicas updated and available, but") + "; " + diagnosis.apply(failed.headline()));
        }
        if (this instanceof TimedOut timedOut) {
            throw new CheckFailed(deployment + " rollout incomplete after " + timedOut.waited().toSeconds() + " s: " + timedOut.state());
        }
    }

    /** Every replica updated and available, every pod of it ready. */
    public record Ready(RolloutObservation look, Duration waited) implements RolloutOutcome {
        public List<Pod> pods() {
            return look.pods();
        }

        @Override
        public List<Pod> seenPods() {
            return look.pods();
        }
    }

    /** Problems that lasted their grace, the first the one that explains it best. */
    public record Failed(List<RolloutProblem> problems, RolloutObservation look, Duration waited) implements RolloutOutcome {
        public RolloutProblem headline() {
            return problems.get(0);
        }

        public Optional<RolloutProblem> imagePull() {
            return problems.stream().filter(RolloutProblem::imagePull).findFirst();
        }

        @Override
        public List<Pod> seenPods() {
            return look.pods();
        }
    }

    /** Neither ready nor failed in time: what it looked like last, and what was seen but still within its grace. */
    public record TimedOut(Duration waited, List<Pod> pods, String state, List<RolloutProblem> pending) implements RolloutOutcome {
        @Override
        public List<Pod> seenPods() {
            return pods;
        }
    }

    public record Missing(String what) implements RolloutOutcome {
        @Override
        public List<Pod> seenPods() {
            return List.of();
        }
    }
}
