package com.bffaccounting.gate.steps;

import com.bffaccounting.gate.model.ImageReference;
import com.bffaccounting.gate.outcome.Observation;
import com.bffaccounting.gate.registry.RegistryClient;
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
        image = context.settings().artifacts.reference();
        resolution = context.targets().registry().require().resolve(image);
        // the Then steps say what of it each line checks: pull access (C2.4), the digest (C4.1)
        scenario.log(image + " at " + context.targets().registry().require().baseUrl() + ": " + resolution.message());
    }

    @Then("the registry grants pull access to its repository")
    public void pullAccess() {
        resolution.requirePullAccess();
        scenario.observe(Observation.note("pull access to " + image.registry() + "/" + image.repository() + " granted by "
                + context.targets().registry().require().baseUrl()));
    }

    @Then("its tag resolves to a digest, which is reported")
    public void tagResolves() {
        String digest = resolution.requireDigest(image);
        context.run().facts().imageDigest(digest);
        scenario.observe(Observation.fact("digest", digest).of(image.toString()).says(image + " → " + digest));
    }
}
