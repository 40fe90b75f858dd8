package com.bffaccounting.gate.kube.rollout;



import com.bffaccounting.gate.kube.KubeClient;
import com.bffaccounting.gate.model.ReleaseRef;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.outcome.Outcomes;
import com.bffaccounting.gate.waits.Timeout;
import com.bffaccounting.gate.waits.Wait;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Watches a Deployment's rollout the way {@code kubectl rollout status} does, but names every way it fails
 * ({@link RolloutClassifier}) as soon as that failure has lasted its grace, instead of after the whole
 * timeout. One per release and run: Step 3's wait, C6.1, C6.2 and C10.2 share its sightings, and the
 * Step 4 lines judge one settled outcome ({@link #settle}) rather than each waiting again.
 */
public final class RolloutInspector {
    private static final int CRASH_LOG_LINES = 3;

    private final KubeClient kube;
    private final String namespace;
    private final String deploymentName;
    private final Clock clock;
    private final RolloutClassifier classifier;
    private final Sightings sightings = new Sightings();
    private RolloutOutcome settled;

    public RolloutInspector(KubeClient kube, ReleaseRef release, RolloutClassifier.Graces graces, Clock clock) {
        this.kube = kube;
        this.namespace = release.namespace();
        this.deploymentName = release.deployment();
        this.clock = clock;
        this.classifier = new RolloutClassifier(graces);
    }

    public Optional<Deployment> deployment() {
        return kube.deployment(namespace, deploymentName);
    }

    public List<Pod> pods() {
        return deployment().map(d -> kube.podsOf(namespace, d)).orElse(List.of());
    }

    /** One look now, for the evidence of a failing line. */
    public Optional<RolloutObservation> observe() {
        return deployment().map(d -> RolloutObservation.read(kube, d, clock.instant()));
    }

    /**
     * The rollout's outcome for Step 4's lines, waited for once per run (after a deploy, once more): C6.1,
     * C6.2 and C10.2 judge the same observation, so a broken rollout costs one grace, not three.
     */
    public synchronized RolloutOutcome settle(Timeout timeout) {
        if (settled == null) {
            settled = awaitReady(timeout, () -> false);
        }
        return settled;
    }

    /**
     * Polls until the rollout is complete with every pod ready, a problem outlasts its grace, or {@code timeout}
     * passes. {@code stop} ends it early (Helm returned).
     */
    public RolloutOutcome awaitReady(Timeout timeout, BooleanSupplier stop) {
        Instant start = clock.instant();
        Wait.Outcome<Look> waited = Wait.until("the rollout of deployment/" + deploymentName, () -> look(start, true))
                .within(timeout)
                // a lasting problem or a missing Deployment will not come right by waiting
                .stoppingEarlyWhen(look -> look.outcome() instanceof RolloutOutcome.Failed || look.outcome() instanceof RolloutOutcome.Missing || stop.getAsBoolean())
                .describedBy(Look::state)
                .poll(look -> look.outcome() instanceof RolloutOutcome.Ready);
        Look last = waited.last();
        if (last != null && last.outcome() != null) {
            return last.outcome();
        }
        return new RolloutOutcome.TimedOut(Duration.between(start, clock.instant()), last == null ? List.of() : last.pods(),
                last == null ? "nothing observed yet" : last.state(), last == null ? List.of() : last.pending());
    }

    /**
     * Step 3: while {@code running} (Helm is still waiting), watches for a problem that outlasts its grace, and
     * returns it at once; empty when {@code running} turns false or {@code limit} passes. A Deployment Helm has
     * not created yet is no problem here. What Step 4 settled before is forgotten: the deploy changes it.
     */
    public Optional<RolloutOutcome.Failed> failureWhile(BooleanSupplier running, Timeout limit) {
        synchronized (this) {
            settled = null;
        }
        Instant start = clock.instant();
        Wait.Outcome<Look> waited = Wait.until("a failure of the rollout of deployment/" + deploymentName, () -> look(start, false))
                .within(limit)
                .stoppingEarlyWhen(look -> look.outcome() instanceof RolloutOutcome.Failed)
                .describedBy(Look::state)
                // running out is no finding: Helm's own timeout decides what a slow rollout means
                .poll(look -> !running.getAsBoolean());
        Look last = waited.last();
        return last != null && last.outcome() instanceof RolloutOutcome.Failed failed ? Optional.of(failed) : Optional.empty();
    }

    /** One look at the rollout: its outcome when it has one, the pods, the state in words, and problems still in their grace. */
    private record Look(RolloutOutcome outcome, List<Pod> pods, String state, List<RolloutProblem> pending) {
    }

    private Look look(Instant start, boolean readyEnds) {
        Optional<Deployment> deployment = deployment();
        if (deployment.isEmpty()) {
            String missing = "deployment/" + deploymentName + " does not exist in namespace " + namespace;
            return new Look(readyEnds ? new RolloutOutcome.Missing(missing) : null, List.of(), missing, List.of());
        }
        Instant now = clock.instant();
        RolloutObservation observation = RolloutObservation.read(kube, deployment.get(), now);
        Sightings.Judged judged = sightings.judge(classifier.candidates(observation), now);
        Duration waited = Duration.between(start, now);
        if (!judged.lasting().isEmpty()) {
            List<RolloutProblem> problems = new ArrayList<>(judged.lasting());
            problems.set(0, withLastWords(problems.get(0)));
            return new Look(new RolloutOutcome.Failed(List.copyOf(problems), observation, waited), observation.pods(),
                    problems.get(0).line(), List.of());
        }
        if (observation.settled()) {
            return new Look(readyEnds ? new RolloutOutcome.Ready(observation, waited) : null, observation.pods(), "ready", List.of());
        }
        String state = rolloutComplete(deployment.get())
                .orElse(observation.pods().stream().filter(p -> !PodStates.ready(p)).count() + " pod(s) not ready")
                + (judged.pending().isEmpty() ? "" : "; seen, within their grace: "
                + judged.pending().stream().map(RolloutProblem::line).collect(Collectors.joining("; ")));
        return new Look(null, observation.pods(), state, judged.pending());
    }

    /** A crash loop's reason ends with what the container said last before it died ({@code kubectl logs --previous}). */
    private RolloutProblem withLastWords(RolloutProblem problem) {
        if (problem.kind() != RolloutProblem.Kind.CRASH_LOOP || problem.pod() == null || problem.container().isEmpty()) {
            return problem;
        }
        try {
            List<String> lines = kube.logTail(namespace, problem.pod(), problem.container().get(), CRASH_LOG_LINES, true);
            return problem.withMessage(lines.isEmpty() ? "; its last run wrote no log"
                    : "; its last log lines: " + lines.stream().map(String::strip).collect(Collectors.joining(" | ")));
        } catch (Inconclusive e) {
            return problem.withMessage("; its last log could not be read: " + Outcomes.reasonOf(e));
        }
    }

    /** C6.2: empty when all replicas are updated and available; otherwise what is missing. */
    public static Optional<String> rolloutComplete(Deployment deployment) {
        int desired = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        DeploymentStatus status = deployment.getStatus();
        if (status == null) {
            return Optional.of("deployment/" + deployment.getMetadata().getName() + " has no status yet");
        }
        long observed = Optional.ofNullable(status.getObservedGeneration()).orElse(0L);
        long generation = Optional.ofNullable(deployment.getMetadata().getGeneration()).orElse(0L);
        int updated = Optional.ofNullable(status.getUpdatedReplicas()).orElse(0);
        int available = Optional.ofNullable(status.getAvailableReplicas()).orElse(0);
        int total = Optional.ofNullable(status.getReplicas()).orElse(0);
        if (observed < generation) {
            return Optional.of("the controller has not observed generation " + generation + " yet (observed " + observed + ")");
        }
        if (updated < desired || available < desired || total > desired) {
            return Optional.of(String.format("%d/%d replicas updated, %d/%d available, %d in total (old pods still running: %s)",
                    updated, desired, available, desired, total, total > updated ? "yes" : "no"));
        }
        return Optional.empty();
    }
}
