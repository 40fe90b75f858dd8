package com.bffaccounting.gate.registry;

import com.bffaccounting.gate.model.ImageReference;
import com.bffaccounting.gate.sim.SimRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryClientTest {
    static final String REPO = "ghcr.io/tristan00037-tristan050/tristan050-ai_ondevice_app/bff-accounting";
    static SimRegistry registry;
    static RegistryClient client;

    @BeforeAll
    static void start() {
        registry = new SimRegistry().hold("tristan00037-tristan050/tristan050-ai_ondevice_app/bff-accounting", "r7-h-pilot-20251203").start();
        client = new RegistryClient(registry.baseUrl(), Optional.empty(), Optional.empty(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void resolvesATagToItsDigestThroughTheTokenService() {
        RegistryClient.Resolution r = client.resolve(ImageReference.parse(REPO, "r7-h-pilot-20251203"));
        assertThat(r.outcome()).isEqualTo(RegistryClient.Outcome.FOUND);
        assertThat(r.digest()).startsWith("sha256:").hasSize(71);
    }

    @Test
    void aMissingTagIsNotFoundAndSaysSo() {
        RegistryClient.Resolution r = client.resolve(ImageReference.parse(REPO, "r7-h-nope"));
        assertThat(r.outcome()).isEqualTo(RegistryClient.Outcome.NOT_FOUND);
        assertThat(r.message()).contains("tag r7-h-nope not found", "404");
    }

    @Test
    void anUnreachableRegistryIsNotANotFound() {
        RegistryClient closed = new RegistryClient(URI.create("http://127.0.0.1:1"), Optional.empty(), Optional.empty(), Duration.ofSeconds(2));
        assertThat(closed.resolve(ImageReference.parse(REPO, "x")).outcome()).isEqualTo(RegistryClient.Outcome.UNREACHABLE);
    }

    @Test
    void referencesFollowTheDistributionGrammar() {
        assertThatThrownBy(() -> ImageReference.parse("ghcr.io/tristan00037-tristan050/tristan050-ai_ondevice_APP/bff-accounting", "r7"))
                .hasMessageContaining("must be lower case: use 'tristan050-ai_ondevice_app'");
        assertThatThrownBy(() -> ImageReference.parse("bff-accounting", "r7")).hasMessageContaining("no registry host");
        assertThatThrownBy(() -> ImageReference.parse(REPO, "bad tag!")).hasMessageContaining("tag 'bad tag!' is not valid");
        assertThat(ImageReference.parse("localhost:5000/a/b", "v1").repository()).isEqualTo("a/b");
    }

    @Test
    void challengeParametersAreRead() {
        assertThat(RegistryClient.parseChallenge("Bearer realm=\"https://ghcr.io/token\",service=\"ghcr.io\",scope=\"repository:a/b:pull\""))
                .containsEntry("realm", "https://ghcr.io/token").containsEntry("service", "ghcr.io");
    }
}
