package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.evidence.Evidence;
import com.bffaccounting.gate.outcome.Outcomes;
import com.bffaccounting.gate.run.GateRun;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import io.cucumber.java.Status;
import com.bffaccounting.gate.outcome.NotRun;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.checklist.ChecklistCatalog;

import com.bffaccounting.gate.helm.GuardedDeploy;
import com.bffaccounting.gate.kube.rollout.RolloutEvidence;
import com.bffaccounting.gate.model.ReleaseRef;

import java.nio.charset.StandardCharsets;

/** Run and scenario lifecycle: the run scope, and evidence attached when a check does not pass. */
public class RunHooks {
    private final Evidence evidence;
    private final ScenarioLog scenarioLog;
    private final RunContext context;

    public RunHooks(Evidence evidence, ScenarioLog scenarioLog, RunContext context) {
        this.evidence = evidence;
        this.scenarioLog = scenarioLog;
        this.context = context;
    }

    @Before(order = 0)
    public void giveStepsTheScenario(Scenario scenario) {
        scenarioLog.set(scenario);
    }

    /** A run that could not be set up judges nothing: every scenario is NOT_RUN with that one line. */
    @Before(order = 1)
    public void notRunWithoutTargets() {
        context.run().setupError().ifPresent(error -> {
            throw new NotRun("the run could not be set up: " + error);
        });
    }

    /**
     * A line whose permissions these credentials lack (asked once per run, as kubectl auth can-i asks) is
     * INCONCLUSIVE before it calls anything, naming what is missing — not a 403 somewhere in the middle.
     */
    @Before(order = 2)
    public void inconclusiveWithoutPermissions(Scenario scenario) {
        if (context.run().setupError().isPresent()) {
            return;
        }
        context.targets().cluster().get().flatMap(cluster -> cluster.access().missingFor(
                        ChecklistCatalog.lineIdsOf(scenario.getSourceTagNames())))
                .ifPresent(missing -> {
                    throw new Inconclusive(missing);
                });
    }

    @BeforeAll
    public static void startRun() {
        GateRun.start();
    }

    @AfterAll
    public static void stopRun() {
        GateRun.stop();
    }

    /**
     * Any line of a cluster run that fails gets the cluster's side of the story, once and in the order
     * kubectl users know: the release's pods (describe), their events, the last log lines — and after a deploy
     * or a rollback, Helm's status and history. A part that cannot be read is named; the rest is still attached.
     */
    @After(order = 10)
    public void clusterEvidenceOnFailure(Scenario scenario) {
        // a line that could not be judged is about the cluster's reach already: asking it again would only wait again
        if (scenario.getStatus() != Status.FAILED || context.run().setupError().isPresent()) {
            return;
        }
        context.targets().cluster().get().ifPresent(cluster -> {
            ReleaseRef release = context.release();
            RolloutEvidence.of(cluster.kube(), context.rollout(cluster), release, context.settings().cluster.logTailLines()).forEach(evidence::add);
            if (context.settings().cluster.writesAllowed()) {
                GuardedDeploy.evidence(cluster.helm(), release).forEach(evidence::add);
            }
        });
    }

    @After(order = 0)
    public void attachEvidenceUnlessPassed(Scenario scenario) {
        if (scenario.getStatus() == Status.PASSED) {
            return;
        }
        for (Evidence.Item item : evidence.items()) {
            String content;
            try {
                content = item.content().get();
            } catch (RuntimeException e) {
                // a part that cannot be read (a forbidden list, a server gone quiet) is named, and the rest still attached
                content = item.name() + ": could not be read — " + Outcomes.reasonOf(e);
            }
            if (!content.isBlank()) {
                scenario.attach(content.getBytes(StandardCharsets.UTF_8), item.mediaType(), item.name());
            }
        }
    }
}
