package com.bffaccounting.gate.kube.rollout;

import java.time.Duration;
import java.util.Optional;

/**
 * A way a rollout fails that waiting will not mend, in Kubernetes' own words: the object it is about, the
 * Kubernetes reason, and the message the cluster wrote (the event's or the condition's).
 *
 * @param subject what is failing and in what state, e.g. {@code pod bff-accounting-7d9 Pending}
 * @param reason  the Kubernetes reason, e.g. {@code FailedScheduling}, {@code CrashLoopBackOff}
 * @param message what the cluster said about it
 * @param lasted  how long it has been seen so (by this run)
 * @param container the container concerned, when the problem is one container's
 */
public record RolloutProblem(Kind kind, String pod, String subject, String reason, String message, Duration lasted,
                             Optional<String> container) {

    /** The rows of the classifier's table, in the order a cause is preferred when several are seen. */
    public enum Kind {
        IMAGE_PULL("image cannot be pulled"),
        CRASH_LOOP("crash loop"),
        CONFIG_ERROR("container config error"),
        PODS_NOT_CREATED("pods not created"),
        UNSCHEDULABLE("unschedulable"),
        EVICTED("evicted or preempted"),
        NEVER_READY("never ready"),
        PROGRESS_DEADLINE("progress deadline exceeded");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public RolloutProblem {
        message = message == null || message.isBlank() ? "(the cluster gave no message)" : message.replaceAll("\\s+", " ").trim();
    }

    public boolean imagePull() {
        return kind == Kind.IMAGE_PULL;
    }

    RolloutProblem lasting(Duration seen) {
        return new RolloutProblem(kind, pod, subject, reason, message, seen, container);
    }

    RolloutProblem withMessage(String more) {
        return new RolloutProblem(kind, pod, subject, reason, message + more, lasted, container);
    }

    /** {@code pod bff-accounting-7d9 Pending: 0/3 nodes are available: 3 Insufficient cpu (FailedScheduling, 16 s)}. */
    public String line() {
        return subject + ": " + message + " (" + reason + ", " + seconds(lasted) + ")";
    }

    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis < 10_000 ? String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0) : (millis / 1000) + " s";
    }
}
