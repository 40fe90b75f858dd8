package com.bffaccounting.gate.sim;

import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.sim.cluster.ApiFaults;
import com.bffaccounting.gate.sim.cluster.PodFate;
import com.bffaccounting.gate.sim.cluster.SimAdmission;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What this run's faults break, as the rooms of the simulator read it: a healthy pilot, with each active
 * {@link Fault}'s own part applied (each fault says what it breaks, once, in {@code Fault}). SimPilot reads
 * the registry and the way to the cluster, SimRelease and SimImages the release deployed before the run, the
 * simulated API server {@link #api()}, SimBff {@link Bff}. Filled by {@link #of} before anything starts, and
 * only read after.
 */
public final class FaultEffects {
    /** For the parts whose size the run's settings give (how late, how stale). */
    final Settings settings;

    // the registry
    boolean releaseTagAbsent;
    boolean rollbackTagAbsent;
    boolean pullsDenied;
    /** The suite is given a registry address that nothing answers on. */
    boolean registryUnreachable;

    // the cluster, as the suite reaches it
    boolean apiServerDown;
    /** The kubeconfig's current context is another, unreachable cluster: only one that selects sim-pilot reaches it. */
    boolean currentContextElsewhere;
    boolean namespaceAbsent;
    /** The suite's account is known to the cluster but bound to no Role. */
    boolean suiteUnbound;

    // how the API server treats the suite (ApiFaults)
    boolean apiFlaky;
    boolean apiUnauthorized;
    Duration apiDelay = Duration.ZERO;
    String apiHangPath;
    final Set<String> forbidden = new TreeSet<>();
    boolean crdsMissing;
    boolean webhookDenies;

    // the release deployed before the run, and its pods
    boolean deployedWithEmptyAllowlist;
    boolean chartEnvUnwired;
    /** The pilot tag's pods, when they do not simply run (null: they run). */
    PodFate pilotPods;
    Duration pilotPodsReadyAfter = Duration.ofMillis(200);
    /** The seeded rollout is left half done, the release before still serving. */
    boolean rolloutHalfDone;
    /** What the API server refuses to create (a quota, PodSecurity), null: all it is asked. */
    SimAdmission admission;
    /** Whether the simulator's setup waits for the seeded rollout before the run starts. */
    boolean setupWaitsForRollout = true;

    // the external systems the BFF syncs with (SimBffConfig's sources, in the order of sim.syncSources)
    boolean firstSourceStale;
    boolean firstSourceErring;
    /** The second source is stale for good: ExternalSyncStale fires and stays firing past the P1 window. */
    boolean secondSourceStuck;
    /** The third source is stale when monitoring starts watching, synced again soon after. */
    boolean thirdSourceFlaps;

    final Bff bff = new Bff();

    private FaultEffects(Settings settings) {
        this.settings = settings;
    }

    /** The run's faults ({@code sim.faults}) applied to a healthy pilot. */
    static FaultEffects of(Settings settings) {
        FaultEffects effects = new FaultEffects(settings);
        Fault.activeIn(settings).forEach(fault -> fault.applyTo(effects));
        return effects;
    }

    /** The pilot's pods fail as {@code fate} has them, and the seeded rollout is left half done. */
    void rolloutBreaks(PodFate fate) {
        pilotPods = fate;
        rolloutHalfDone = true;
        setupWaitsForRollout = false;
    }

    /** The API server refuses the new ReplicaSet's pods ({@code admission}), so the seeded rollout is left half done. */
    void admissionRefuses(SimAdmission refusing) {
        admission = refusing;
        rolloutHalfDone = true;
        setupWaitsForRollout = false;
    }

    /** The pilot's pods are healthy but late as {@code fate} has them, and the setup does not wait: the run's checks do. */
    void podsLate(PodFate fate) {
        pilotPods = fate;
        setupWaitsForRollout = false;
    }

    /** The pilot's pods run, ready only {@code after}, and the setup does not wait: the run's checks do. */
    void podsReadyAfter(Duration after) {
        pilotPodsReadyAfter = after;
        setupWaitsForRollout = false;
    }

    Optional<PodFate> pilotPods() {
        return Optional.ofNullable(pilotPods);
    }

    /** The simulated API server's manners toward the suite, from the run's first request on (the seed is done by then). */
    ApiFaults api() {
        return new ApiFaults(apiFlaky, apiUnauthorized, apiDelay, apiHangPath, Set.copyOf(forbidden), crdsMissing, webhookDenies);
    }

    /** How SimBff departs from CONTRACT.md: healthy as made, each BFF fault changes one part. */
    public static final class Bff {
        /** What an allowlisted tenant is answered instead of the audit log. */
        enum PilotAnswer { AUDIT_LOG, UNAUTHORIZED, ROLE_FORBIDDEN }

        boolean listens = true;
        int healthStatus = 200;
        int readyStatus = 200;
        boolean metricsNeedTenant;
        // the pilot gate
        boolean gateEnforced = true;
        boolean gateIgnoresCase;
        /** The {@code error_code} of a refusal (null: the contract's, as the routes name it). */
        String refusalCode;
        boolean refusalEchoesTenant = true;
        boolean refusalsLogged = true;
        /** The allowlist's last tenant is refused, although it is listed. */
        boolean lastPilotRefused;
        PilotAnswer pilotAnswer = PilotAnswer.AUDIT_LOG;
        // /metrics
        boolean countsRequests = true;
        boolean exposesRequestCounter = true;
        boolean exposesSyncSeries = true;

        /** The BFF as CONTRACT.md has it. */
        public Bff() {
        }
    }
}
