package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.outcome.Inconclusive;
import com.bffaccounting.gate.registry.ImageReference;
import com.bffaccounting.gate.registry.RegistryClient;
import com.bffaccounting.gate.run.RunFacts;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** C2.4 and C4.1: the image registry (GHCR) through the OCI distribution API. */
public class RegistrySteps {
    private final RunContext context;
    private final ScenarioLog scenario;
    private RegistryClient.Resolution resolution;
    private ImageReference image;

    public RegistrySteps(RunContext context, ScenarioLog scenario) {
        this.scenario = scenario;
        this.context = context;
    }

    @When("the image under test is looked up in the registry")
    public void lookUp() {
        var release = context.settings().release;
        image = ImageReference.parse(release.imageRepository(), release.imageTag());
        resolution = context.targets().registry().require().resolve(image);
        scenario.log(image + " at " + context.targets().registry().require().baseUrl() + ": " + resolution.message());
    }

    @Then("the registry grants pull access to its repository")
    public void pullAccess() {
        switch (resolution.outcome()) {
            case NO_PULL_ACCESS:
                throw new AssertionError("GHCR pull access: " + resolution.message());
            case UNREACHABLE:
            case ERROR:
                throw new AssertionError(resolution.message());
            default:
                scenario.log("pull access to " + image.registry() + "/" + image.repository() + " granted");
        }
    }

    @Then("its tag resolves to a digest, which is reported")
    public void tagResolves() {
        switch (resolution.outcome()) {
            case FOUND:
                RunFacts.put("image.digest", resolution.digest());
                scenario.log(image + " → " + resolution.digest());
                return;
            case NO_PULL_ACCESS:
                // Whether the tag exists cannot be told without pull access; that failure is the access check's.
                throw new Inconclusive("cannot tell whether " + image + " exists: " + resolution.message());
            default:
                throw new AssertionError("image check: " + resolution.message());
        }
    }
}
