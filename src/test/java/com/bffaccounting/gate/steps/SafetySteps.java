package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.ci.ReleaseWorkflow;
import com.bffaccounting.gate.io.Trees;
import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.NotRun;
import com.bffaccounting.gate.outcome.Observation;
import com.bffaccounting.gate.run.RunEndChecks;
import com.bffaccounting.gate.sut.ClusterTarget;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** C9.1 and C9.2: how the release is deployed (the tag workflow) and that a verify run changes nothing. */
public class SafetySteps {
    private final RunContext context;
    private final ScenarioLog scenario;
    private ReleaseWorkflow workflow;

    public SafetySteps(RunContext context, ScenarioLog scenario) {
        this.scenario = scenario;
        this.context = context;
    }

    @Given("this is a verify-only run")
    public void verifyOnly() {
        if (context.settings().cluster.writesAllowed()) {
            throw new NotRun("this run may change the cluster (-Ddeploy=true or -Drollback=true); option 2 is a verify-only run");
        }
    }

    /**
     * Judged twice: now, on the writes so far, and again when the run ends — so writes by scenarios that
     * run after this one (any order, any selection) still turn C9.2 red.
     */
    @Then("the suite has sent no write request to the cluster")
    public void noWrites() {
        ClusterTarget cluster = context.targets().cluster().require();
        if (cluster.kube().writesAllowed() || cluster.helm().writesAllowed()) {
            throw new CheckFailed("the cluster client or Helm of a verify-only run would allow writes");
        }
        RunEndChecks.Look now = writesSoFar(cluster, "so far");
        scenario.observe(now.observed());
        now.problem().ifPresent(problem -> {
            throw new CheckFailed(problem);
        });
        context.run().endChecks().register(scenario.tags(), scenario.name() + ": the whole run sent no write request",
                () -> writesSoFar(cluster, "in the whole run"));
        scenario.observe(Observation.note("both the cluster client (writes counted by " + cluster.origin().writesCountedBy()
                + ") and Helm refuse writes in this run, and both counts are judged again when the run ends"));
    }

    private static RunEndChecks.Look writesSoFar(ClusterTarget cluster, String when) {
        int writes = cluster.writeRequests();
        int helmWrites = cluster.helm().writesAsked();
        Observation seen = Observation.measure("write requests", writes + helmWrites, null).against(0)
                .says(writes + " write requests " + when + " to " + cluster.describe() + ", " + helmWrites + " Helm upgrade/install/rollback(s)");
        if (writes == 0 && helmWrites == 0) {
            return new RunEndChecks.Look(seen, Optional.empty());
        }
        return new RunEndChecks.Look(seen, Optional.of("a verify-only run sent " + writes + " write request(s) to " + cluster.describe()
                + " and asked Helm for " + helmWrites + " upgrade/install/rollback(s)"));
    }

    @Given("the release-gate workflow of this project and its example caller")
    public void workflow() {
        workflow = ReleaseWorkflow.read(Path.of(context.settings().gate.workflowPath()), Path.of(context.settings().gate.callerWorkflowPath()));
    }

    @Then("on a pushed release tag it builds and pushes the image, deploys and verifies with this suite, gates on verdict.json and rolls back on failure")
    public void workflowGates() {
        List<String> problems = workflow.problems();
        if (!problems.isEmpty()) {
            throw new CheckFailed(workflow.path() + " does not gate releases: " + String.join("; ", problems));
        }
        String shown = Trees.shown(workflow.path());
        scenario.observe(Observation.fact("workflow", shown).says(shown + ": " + String.join(" → ", workflow.stepNames())));
    }
}
