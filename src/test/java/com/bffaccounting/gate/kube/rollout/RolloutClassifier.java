package com.bffaccounting.gate.kube.rollout;

import com.bffaccounting.gate.kube.Pods;
import com.bffaccounting.gate.kube.rollout.RolloutProblem.Kind;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names the ways a rollout fails that waiting will not mend, from one {@link RolloutObservation}, once
 * each has lasted its grace:
 * <table>
 *   <tr><th>problem</th><th>seen as</th><th>grace</th></tr>
 *   <tr><td>image cannot be pulled</td><td>ErrImagePull, ImagePullBackOff, InvalidImageName (init containers too)</td><td>failFastAfter</td></tr>
 *   <tr><td>crash loop</td><td>CrashLoopBackOff, with the last termination (OOMKilled, Error, exit code)</td><td>failFastAfter</td></tr>
 *   <tr><td>config error</td><td>CreateContainerConfigError, CreateContainerError, RunContainerError</td><td>failFastAfter</td></tr>
 *   <tr><td>pods not created</td><td>ReplicaSet ReplicaFailure=True, FailedCreate events (quota, PodSecurity, webhook)</td><td>failFastAfter</td></tr>
 *   <tr><td>unschedulable</td><td>PodScheduled=False, reason Unschedulable</td><td>unschedulableAfter (kstatus: 15 s)</td></tr>
 *   <tr><td>evicted or preempted</td><td>pod Failed, reason Evicted or Preempting, or a DisruptionTarget</td><td>failFastAfter</td></tr>
 *   <tr><td>never ready</td><td>Running, not Ready (Unhealthy events say why)</td><td>the pod's own probe budget + failFastAfter</td></tr>
 *   <tr><td>progress deadline</td><td>Progressing=False, reason ProgressDeadlineExceeded</td><td>none, even with old pods serving</td></tr>
 * </table>
 * Grace counts from when this run first saw the problem ({@link Sightings}), never from the cluster's
 * timestamps: a runner's clock ahead of the API server's must not fail a pod that is seconds old. Once
 * the Deployment's own progress deadline has passed, every problem seen counts as lasting: the
 * controller has waited for it already.
 */
public final class RolloutClassifier {
    static final Set<String> IMAGE_PULL = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");
    static final Set<String> CONFIG_ERROR = Set.of("CreateContainerConfigError", "CreateContainerError", "RunContainerError");
    private static final Set<String> EVICTED = Set.of("Evicted", "Preempting");

    /** How long each kind of problem may last before it is a verdict. */
    public record Graces(Duration failFastAfter, Duration unschedulableAfter) {
    }

    /** A problem seen in one look, with the grace it gets. */
    record Candidate(String key, RolloutProblem problem, Duration grace) {
    }

    private final Graces graces;

    public RolloutClassifier(Graces graces) {
        this.graces = graces;
    }

    /** Every problem the look shows, lasted or not, in the order a cause is preferred. */
    List<Candidate> candidates(RolloutObservation look) {
        List<Candidate> found = new ArrayList<>();
        for (Pod pod : look.pods()) {
            podProblems(look, pod, found);
        }
        for (ReplicaSet rs : look.replicaSets()) {
            replicaFailure(look, rs).ifPresent(found::add);
        }
        if (found.stream().noneMatch(c -> c.problem().kind() == Kind.PODS_NOT_CREATED)) {
            deploymentReplicaFailure(look.deployment()).ifPresent(found::add);
        }
        progressDeadline(look.deployment()).ifPresent(found::add);
        found.sort(Comparator.comparing(c -> c.problem().kind()));
        return found;
    }

    private void podProblems(RolloutObservation look, Pod pod, List<Candidate> found) {
        String name = pod.getMetadata().getName();
        Duration fast = graces.failFastAfter();
        for (ContainerStatus status : PodStates.initContainerStatuses(pod)) {
            containerProblem(look, pod, status, true).ifPresent(found::add);
        }
        for (ContainerStatus status : Pods.containerStatuses(pod)) {
            containerProblem(look, pod, status, false).ifPresent(found::add);
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Failed".equals(phase) && look.current(pod) && disrupted(pod)) {
            String reason = Optional.ofNullable(pod.getStatus().getReason()).orElse("DisruptionTarget");
            found.add(new Candidate(Kind.EVICTED + "/" + name, new RolloutProblem(Kind.EVICTED, name, "pod " + name + " Failed",
                    reason, pod.getStatus().getMessage(), Duration.ZERO, Optional.empty()), fast));
            return;
        }
        Optional<PodCondition> unscheduled = condition(pod, "PodScheduled").filter(c -> "False".equals(c.getStatus())
                && "Unschedulable".equals(c.getReason()));
        if (unscheduled.isPresent()) {
            Optional<Event> event = look.lastEvent(pod, Set.of("FailedScheduling"));
            String message = event.map(Event::getMessage).orElse(unscheduled.get().getMessage());
            found.add(new Candidate(Kind.UNSCHEDULABLE + "/" + name, new RolloutProblem(Kind.UNSCHEDULABLE, name,
                    "pod " + name + " Pending, Unschedulable", event.isPresent() ? "FailedScheduling" : "Unschedulable", message,
                    Duration.ZERO, Optional.empty()), graces.unschedulableAfter()));
            return;
        }
        if ("Running".equals(phase) && !PodStates.ready(pod)) {
            for (ContainerStatus status : Pods.containerStatuses(pod)) {
                boolean running = status.getState() != null && status.getState().getRunning() != null;
                if (running && !Boolean.TRUE.equals(status.getReady())) {
                    ProbeBudget budget = ProbeBudget.of(pod, status.getName());
                    Optional<Event> unhealthy = look.lastEvent(pod, Set.of("Unhealthy"));
                    String message = unhealthy.map(Event::getMessage).orElse("Running but not Ready, and no probe failure seen"
                            + look.eventsUnreadable().map(why -> " (its events could not be read: " + why + ")").orElse(""));
                    found.add(new Candidate(Kind.NEVER_READY + "/" + name + "/" + status.getName(), new RolloutProblem(Kind.NEVER_READY,
                            name, "pod " + name + " Running, container " + status.getName() + " not Ready",
                            unhealthy.isPresent() ? "Unhealthy" : "ContainersNotReady",
                            message + "; " + budget.words(), Duration.ZERO, Optional.of(status.getName())),
                            budget.duration().plus(fast)));
                }
            }
        }
    }

    private Optional<Candidate> containerProblem(RolloutObservation look, Pod pod, ContainerStatus status, boolean init) {
        if (status.getState() == null || status.getState().getWaiting() == null) {
            return Optional.empty();
        }
        String reason = status.getState().getWaiting().getReason();
        String waitingMessage = status.getState().getWaiting().getMessage();
        String name = pod.getMetadata().getName();
        String subject = "pod " + name + (init ? " init container " : " container ") + status.getName() + " " + reason;
        String key = name + "/" + status.getName();
        Duration fast = graces.failFastAfter();
        if (IMAGE_PULL.contains(reason)) {
            // the kubelet's waiting message says only "Back-off pulling image"; its Failed event says why
            String message = look.lastEvent(pod, Set.of("Failed")).map(Event::getMessage)
                    .filter(m -> m.contains("pull") || m.contains("image")).orElse(waitingMessage);
            return Optional.of(new Candidate(Kind.IMAGE_PULL + "/" + key, new RolloutProblem(Kind.IMAGE_PULL, name, subject, reason,
                    message, Duration.ZERO, Optional.of(status.getName())), fast));
        }
        if ("CrashLoopBackOff".equals(reason)) {
            return Optional.of(new Candidate(Kind.CRASH_LOOP + "/" + key, new RolloutProblem(Kind.CRASH_LOOP, name, subject, reason,
                    lastTermination(status) + (waitingMessage == null ? "" : "; " + waitingMessage), Duration.ZERO,
                    Optional.of(status.getName())), fast));
        }
        if (CONFIG_ERROR.contains(reason)) {
            return Optional.of(new Candidate(Kind.CONFIG_ERROR + "/" + key, new RolloutProblem(Kind.CONFIG_ERROR, name, subject, reason,
                    waitingMessage, Duration.ZERO, Optional.of(status.getName())), fast));
        }
        return Optional.empty();
    }

    /** "last terminated OOMKilled, exit code 137, restarted 4 times". */
    static String lastTermination(ContainerStatus status) {
        ContainerStateTerminated last = status.getLastState() == null ? null : status.getLastState().getTerminated();
        int restarts = status.getRestartCount() == null ? 0 : status.getRestartCount();
        if (last == null) {
            return "restarted " + restarts + " times";
        }
        return "last terminated " + Optional.ofNullable(last.getReason()).orElse("(no reason)") + ", exit code " + last.getExitCode()
                + (last.getMessage() == null || last.getMessage().isBlank() ? "" : " (" + last.getMessage().trim() + ")")
                + ", restarted " + restarts + " times";
    }

    private Optional<Candidate> replicaFailure(RolloutObservation look, ReplicaSet rs) {
        int wanted = rs.getSpec() == null || rs.getSpec().getReplicas() == null ? 0 : rs.getSpec().getReplicas();
        if (wanted == 0) {
            return Optional.empty(); // an old ReplicaSet scaled down creates nothing, and fails at nothing
        }
        String name = rs.getMetadata().getName();
        Optional<ReplicaSetCondition> failure = rs.getStatus() == null || rs.getStatus().getConditions() == null ? Optional.empty()
                : rs.getStatus().getConditions().stream().filter(c -> "ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
        Optional<Event> event = look.lastEvent(rs, Set.of("FailedCreate"));
        int have = rs.getStatus() == null || rs.getStatus().getReplicas() == null ? 0 : rs.getStatus().getReplicas();
        if (failure.isEmpty() && (event.isEmpty() || have >= wanted)) {
            return Optional.empty();
        }
        String reason = failure.map(ReplicaSetCondition::getReason).orElse("FailedCreate");
        String message = event.map(Event::getMessage).orElseGet(() -> failure.get().getMessage());
        return Optional.of(new Candidate(Kind.PODS_NOT_CREATED + "/" + name, new RolloutProblem(Kind.PODS_NOT_CREATED, null,
                "replicaset " + name + " cannot create pods (" + have + "/" + wanted + ")", reason, message, Duration.ZERO,
                Optional.empty()), graces.failFastAfter()));
    }

    private Optional<Candidate> deploymentReplicaFailure(Deployment deployment) {
        return deploymentCondition(deployment, "ReplicaFailure").filter(c -> "True".equals(c.getStatus()))
                .map(c -> new Candidate(Kind.PODS_NOT_CREATED + "/deployment", new RolloutProblem(Kind.PODS_NOT_CREATED, null,
                        "deployment/" + deployment.getMetadata().getName() + " ReplicaFailure", Optional.ofNullable(c.getReason())
                        .orElse("FailedCreate"), c.getMessage(), Duration.ZERO, Optional.empty()), graces.failFastAfter()));
    }

    /** Terminal at once — but only for the generation the controller has seen: a fresh deploy resets it. */
    private static Optional<Candidate> progressDeadline(Deployment deployment) {
        long generation = Optional.ofNullable(deployment.getMetadata().getGeneration()).orElse(0L);
        long observed = deployment.getStatus() == null ? 0 : Optional.ofNullable(deployment.getStatus().getObservedGeneration()).orElse(0L);
        if (observed < generation) {
            return Optional.empty();
        }
        Integer deadline = deployment.getSpec() == null ? null : deployment.getSpec().getProgressDeadlineSeconds();
        return deploymentCondition(deployment, "Progressing")
                .filter(c -> "False".equals(c.getStatus()) && "ProgressDeadlineExceeded".equals(c.getReason()))
                .map(c -> new Candidate(Kind.PROGRESS_DEADLINE + "/deployment", new RolloutProblem(Kind.PROGRESS_DEADLINE, null,
                        "deployment/" + deployment.getMetadata().getName() + " Progressing=False", c.getReason(),
                        c.getMessage() + " (progressDeadlineSeconds " + (deadline == null ? 600 : deadline) + ")",
                        Duration.ZERO, Optional.empty()), Duration.ZERO));
    }

    private static Optional<DeploymentCondition> deploymentCondition(Deployment deployment, String type) {
        return deployment.getStatus() == null || deployment.getStatus().getConditions() == null ? Optional.empty()
                : deployment.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static Optional<PodCondition> condition(Pod pod, String type) {
        return pod.getStatus() == null || pod.getStatus().getConditions() == null ? Optional.empty()
                : pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static boolean disrupted(Pod pod) {
        return EVICTED.contains(pod.getStatus().getReason())
                || condition(pod, "DisruptionTarget").filter(c -> "True".equals(c.getStatus())).isPresent();
    }
}
