package com.bffaccounting.gate.sim.cluster;

import java.time.Duration;
import java.util.Set;

/**
 * How the simulated API server treats the suite (its own controllers are never affected): as kindly as
 * fabric8's mock, or as a real cluster can be unkind — flaky, refusing the credentials, slow, hanging on
 * one endpoint, or forbidding resources as an RBAC-limited account is forbidden them.
 *
 * @param flaky        every third read answers 503, every fortieth 429 with {@code Retry-After: 1}
 * @param unauthorized every request answers 401, as to an expired token
 * @param delay        every answer is this late (zero: on time)
 * @param hangPath     requests whose path contains this never answer (null: none)
 * @param forbidden    resources answered with 403 (RBAC names: {@code secrets}, {@code pods/log}, {@code events},
 *                     {@code pods/portforward}, or {@code *writes} for every write)
 * @param crdMissing   the cluster has no {@code monitoring.coreos.com} API group (no Prometheus Operator)
 * @param webhookDenied an admission webhook refuses every write of a Deployment
 */
public record ApiFaults(boolean flaky, boolean unauthorized, Duration delay, String hangPath, Set<String> forbidden,
                        boolean crdMissing, boolean webhookDenied) {
    public static final String WRITES = "*writes";
    public static final ApiFaults NONE = new ApiFaults(false, false, Duration.ZERO, null, Set.of(), false, false);

    public boolean any() {
        return !equals(NONE);
    }
}
