package com.bffaccounting.gate.kube.rollout;

import com.bffaccounting.gate.kube.rollout.RolloutProblem.Kind;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each row of the classifier's table, from objects as a real cluster writes them, and the graces between. */
class RolloutClassifierTest {
    private static final Duration FAST = Duration.ofSeconds(5);
    private static final Duration UNSCHEDULABLE = Duration.ofSeconds(15);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final RolloutClassifier classifier = new RolloutClassifier(new RolloutClassifier.Graces(FAST, UNSCHEDULABLE));

    @Test
    void anImageThatCannotBePulledIsNamedWithTheEventsWordsOnceItHasLastedItsGrace() {
        Pod pod = pod("bff-7d9", "Pending", waiting("bff", "ImagePullBackOff", "Back-off pulling image \"ghcr.io/acme/bff:r7\""));
        RolloutObservation look = look(deployment(1, 1, List.of()), List.of(), List.of(pod),
                List.of(event("Pod", "bff-7d9", "Failed", "Failed to pull image \"ghcr.io/acme/bff:r7\": not found")));
        Sightings sightings = new Sightings();
        assertThat(sightings.judge(classifier.candidates(look), T0).lasting()).isEmpty();
        Sightings.Judged later = sightings.judge(classifier.candidates(look), T0.plus(FAST));
        assertThat(later.lasting()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.IMAGE_PULL);
            assertThat(p.line()).isEqualTo("pod bff-7d9 container bff ImagePullBackOff: Failed to pull image \"ghcr.io/acme/bff:r7\": "
                    + "not found (ImagePullBackOff, 5.0 s)");
        });
    }

    @Test
    void aCrashLoopSaysHowItLastEnded() {
        ContainerStatus crashing = new ContainerStatusBuilder(waiting("bff", "CrashLoopBackOff", "back-off 40s restarting failed container"))
                .withRestartCount(4).withLastState(new ContainerStateBuilder().withNewTerminated().withReason("OOMKilled").withExitCode(137)
                        .endTerminated().build()).build();
        RolloutProblem p = lastingAfter(FAST, look(deployment(1, 1, List.of()), List.of(), List.of(pod("bff-1", "Running", crashing)), List.of()));
        assertThat(p.kind()).isEqualTo(Kind.CRASH_LOOP);
        assertThat(p.message()).startsWith("last terminated OOMKilled, exit code 137, restarted 4 times");
    }

    @Test
    void anInitContainerIsNamedAsOne() {
        Pod pod = new PodBuilder(pod("bff-1", "Pending", waiting("bff", "PodInitializing", null))).editStatus()
                .withInitContainerStatuses(waiting("migrate", "CrashLoopBackOff", "back-off")).endStatus().build();
        RolloutProblem p = lastingAfter(FAST, look(deployment(1, 1, List.of()), List.of(), List.of(pod), List.of()));
        assertThat(p.subject()).isEqualTo("pod bff-1 init container migrate CrashLoopBackOff");
    }

    @Test
    void aMissingSecretIsAConfigError() {
        Pod pod = pod("bff-1", "Pending", waiting("bff", "CreateContainerConfigError", "secret \"bff-db\" not found"));
        RolloutProblem p = lastingAfter(FAST, look(deployment(1, 1, List.of()), List.of(), List.of(pod), List.of()));
        assertThat(p.kind()).isEqualTo(Kind.CONFIG_ERROR);
        assertThat(p.message()).isEqualTo("secret \"bff-db\" not found");
    }

    @Test
    void anUnschedulablePodHasItsOwnLongerGrace() {
        Pod pod = new PodBuilder(pod("bff-1", "Pending")).editStatus().addNewCondition().withType("PodScheduled").withStatus("False")
                .withReason("Unschedulable").withMessage("0/3 nodes are available: 3 Insufficient cpu.").endCondition().endStatus().build();
        RolloutObservation look = look(deployment(1, 1, List.of()), List.of(), List.of(pod),
                List.of(event("Pod", "bff-1", "FailedScheduling", "0/3 nodes are available: 3 Insufficient cpu.")));
        Sightings sightings = new Sightings();
        sightings.judge(classifier.candidates(look), T0);
        assertThat(sightings.judge(classifier.candidates(look), T0.plus(FAST)).lasting()).isEmpty();
        assertThat(sightings.judge(classifier.candidates(look), T0.plus(UNSCHEDULABLE)).lasting()).singleElement()
                .extracting(RolloutProblem::line).isEqualTo("pod bff-1 Pending, Unschedulable: 0/3 nodes are available: 3 Insufficient cpu. "
                        + "(FailedScheduling, 15 s)");
    }

    @Test
    void aPodThatNeverBecomesReadyWaitsItsProbesBudgetFirst() {
        Pod pod = new PodBuilder(pod("bff-1", "Running", running("bff"))).editSpec().addNewContainer().withName("bff")
                .withNewReadinessProbe().withInitialDelaySeconds(3).withPeriodSeconds(5).withFailureThreshold(3).endReadinessProbe()
                .endContainer().endSpec().build();
        RolloutObservation look = look(deployment(1, 1, List.of()), List.of(), List.of(pod),
                List.of(event("Pod", "bff-1", "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503")));
        Sightings sightings = new Sightings();
        sightings.judge(classifier.candidates(look), T0);
        assertThat(sightings.judge(classifier.candidates(look), T0.plusSeconds(22)).lasting()).isEmpty(); // 18 s budget + 5 s
        RolloutProblem p = sightings.judge(classifier.candidates(look), T0.plusSeconds(23)).lasting().get(0);
        assertThat(p.kind()).isEqualTo(Kind.NEVER_READY);
        assertThat(p.line()).contains("Readiness probe failed: HTTP probe failed with statuscode: 503")
                .contains("probe budget 18 s: readiness 3 + 3 × 5 s").contains("(Unhealthy, 23 s)");
    }

    @Test
    void aReplicaSetThatCannotCreatePodsSaysWhyFromItsCondition() {
        ReplicaSet rs = new ReplicaSetBuilder().withNewMetadata().withName("bff-7d9").endMetadata().withNewSpec().withReplicas(2).endSpec()
                .withNewStatus().withReplicas(0).addNewCondition().withType("ReplicaFailure").withStatus("True").withReason("FailedCreate")
                .withMessage("pods \"bff-7d9-x\" is forbidden: exceeded quota: q, requested: limits.memory=512Mi").endCondition()
                .endStatus().build();
        RolloutProblem p = lastingAfter(FAST, look(deployment(2, 2, List.of()), List.of(rs), List.of(), List.of()));
        assertThat(p.kind()).isEqualTo(Kind.PODS_NOT_CREATED);
        assertThat(p.line()).isEqualTo("replicaset bff-7d9 cannot create pods (0/2): pods \"bff-7d9-x\" is forbidden: exceeded quota: q, "
                + "requested: limits.memory=512Mi (FailedCreate, 5.0 s)");
    }

    @Test
    void aPassedProgressDeadlineIsTerminalAtOnceEvenWithOldPodsServingAndMakesEveryProblemSeenLasting() {
        Deployment passed = deployment(2, 2, List.of(new io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder()
                .withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded")
                .withMessage("ReplicaSet \"bff-7d9\" has timed out progressing.").build()));
        Pod creating = pod("bff-7d9-a", "Pending", waiting("bff", "ContainerCreating", null));
        Pod pulling = pod("bff-7d9-b", "Pending", waiting("bff", "ImagePullBackOff", "Back-off pulling image"));
        Sightings.Judged judged = new Sightings().judge(classifier.candidates(
                look(passed, List.of(), List.of(creating, pulling), List.of())), T0);
        assertThat(judged.lasting()).extracting(RolloutProblem::kind).containsExactly(Kind.IMAGE_PULL, Kind.PROGRESS_DEADLINE);
        assertThat(judged.lasting().get(1).line()).isEqualTo("deployment/bff-accounting Progressing=False: ReplicaSet \"bff-7d9\" has timed "
                + "out progressing. (progressDeadlineSeconds 600) (ProgressDeadlineExceeded, 0.0 s)");
    }

    @Test
    void aProgressDeadlineOfAGenerationTheControllerHasNotSeenIsNotJudged() {
        Deployment fresh = new DeploymentBuilder(deployment(2, 2, List.of(new io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder()
                .withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded").build())))
                .editMetadata().withGeneration(3L).endMetadata().build();
        assertThat(classifier.candidates(look(fresh, List.of(), List.of(), List.of()))).isEmpty();
    }

    @Test
    void anEvictedPodOfTheCurrentReplicaSetIsNamedAndOneThatRecoveredIsForgotten() {
        Pod evicted = new PodBuilder(pod("bff-1", "Failed")).editStatus().withReason("Evicted")
                .withMessage("The node was low on resource: memory.").endStatus().build();
        Sightings sightings = new Sightings();
        RolloutObservation look = look(deployment(1, 1, List.of()), List.of(), List.of(evicted), List.of());
        sightings.judge(classifier.candidates(look), T0);
        assertThat(sightings.judge(classifier.candidates(look), T0.plus(FAST)).lasting()).extracting(RolloutProblem::reason)
                .containsExactly("Evicted");
        Pod pulling = pod("bff-2", "Pending", waiting("bff", "ErrImagePull", null));
        RolloutObservation pullLook = look(deployment(1, 1, List.of()), List.of(), List.of(pulling), List.of());
        sightings.judge(classifier.candidates(pullLook), T0);
        sightings.judge(classifier.candidates(look(deployment(1, 1, List.of()), List.of(), List.of(), List.of())), T0.plusSeconds(1));
        // gone for a look, so its grace starts again when it is back
        assertThat(sightings.judge(classifier.candidates(pullLook), T0.plus(FAST)).lasting()).isEmpty();
    }

    @Test
    void theProbeBudgetUsesKubernetesDefaultsAndCountsAStartupProbe() {
        Pod pod = new PodBuilder().withNewSpec().addNewContainer().withName("bff").withNewStartupProbe().withPeriodSeconds(2)
                .withFailureThreshold(30).endStartupProbe().withNewReadinessProbe().endReadinessProbe().endContainer().endSpec().build();
        ProbeBudget budget = ProbeBudget.of(pod, "bff");
        assertThat(budget.duration()).isEqualTo(Duration.ofSeconds(60 + 30));
        assertThat(budget.words()).isEqualTo("probe budget 90 s: startup 0 + 30 × 2 s, readiness 0 + 3 × 10 s");
    }

    private RolloutProblem lastingAfter(Duration after, RolloutObservation look) {
        Sightings sightings = new Sightings();
        sightings.judge(classifier.candidates(look), T0);
        List<RolloutProblem> lasting = sightings.judge(classifier.candidates(look), T0.plus(after)).lasting();
        assertThat(lasting).isNotEmpty();
        return lasting.get(0);
    }

    private static RolloutObservation look(Deployment d, List<ReplicaSet> sets, List<Pod> pods, List<Event> events) {
        return new RolloutObservation(d, sets, pods, events, Optional.empty(), T0);
    }

    private static Deployment deployment(int replicas, int updated, List<io.fabric8.kubernetes.api.model.apps.DeploymentCondition> conditions) {
        return new DeploymentBuilder().withNewMetadata().withName("bff-accounting").withGeneration(2L).endMetadata()
                .withNewSpec().withReplicas(replicas).endSpec()
                .withNewStatus().withObservedGeneration(2L).withUpdatedReplicas(updated).withAvailableReplicas(0).withReplicas(updated)
                .withConditions(conditions).endStatus().build();
    }

    private static Pod pod(String name, String phase, ContainerStatus... statuses) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().endSpec()
                .withNewStatus().withPhase(phase).withContainerStatuses(statuses).endStatus().build();
    }

    private static ContainerStatus waiting(String name, String reason, String message) {
        return new ContainerStatusBuilder().withName(name).withImage("ghcr.io/acme/bff:r7").withReady(false).withRestartCount(0)
                .withState(new ContainerStateBuilder().withNewWaiting().withReason(reason).withMessage(message).endWaiting().build()).build();
    }

    private static ContainerStatus running(String name) {
        return new ContainerStatusBuilder().withName(name).withReady(false).withRestartCount(0)
                .withState(new ContainerStateBuilder().withNewRunning().withStartedAt(T0.toString()).endRunning().build()).build();
    }

    private static Event event(String kind, String name, String reason, String message) {
        return new EventBuilder().withReason(reason).withMessage(message).withType("Warning")
                .withNewInvolvedObject().withKind(kind).withName(name).endInvolvedObject().build();
    }
}
