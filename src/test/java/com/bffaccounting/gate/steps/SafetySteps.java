package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.ci.ReleaseWorkflow;
import com.bffaccounting.gate.kube.ClusterTarget;
import com.bffaccounting.gate.outcome.NotRun;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

import java.nio.file.Path;
import java.util.List;

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

    @Then("the suite has sent no write request to the cluster")
    public void noWrites() {
        ClusterTarget cluster = context.targets().cluster().require();
        int writes = cluster.writeRequests();
        if (writes != 0) {
            throw new AssertionError("a verify-only run sent " + writes + " write request(s) to " + cluster.describe());
        }
        if (cluster.kube().writesAllowed()) {
            throw new AssertionError("the cluster client of a verify-only run would allow writes");
        }
        scenario.log("0 write requests to " + cluster.describe() + "; the client refuses any");
    }

    @Given("the release-gate workflow of this project")
    public void workflow() {
        workflow = ReleaseWorkflow.read(Path.of(context.settings().gate.workflowPath()));
    }

    @Then("on a pushed release tag it builds and pushes the image, deploys and verifies with this suite, gates on verdict.json and rolls back on failure")
    public void workflowGates() {
        List<String> problems = workflow.problems();
        if (!problems.isEmpty()) {
            throw new AssertionError(workflow.path() + " does not gate releases: " + String.join("; ", problems));
        }
        scenario.log(workflow.path() + ": " + String.join(" → ", workflow.stepNames()));
    }
}
