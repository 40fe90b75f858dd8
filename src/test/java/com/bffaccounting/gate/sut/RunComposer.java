package com.bffaccounting.gate.sut;

import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.helm.ChartDigest;
import com.bffaccounting.gate.helm.HelmClient;
import com.bffaccounting.gate.io.SuiteVersion;
import com.bffaccounting.gate.http.BffClient;
import com.bffaccounting.gate.io.Daemons;
import com.bffaccounting.gate.model.RunFacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Builds the {@link Targets} of a run: the facts every env shares, then the builder of its kind
 * ({@link SimTargets}, {@link LocalTargets}, {@link ClusterTargets}). This is the only place that knows the env
 * names: features and steps ask for capabilities, and a capability absent here is NOT_RUN there.
 */
public final class RunComposer {
    private RunComposer() {
    }

    /** @param facts the run's facts, told what the run connects to as it is built (and later, as checks open port-forwards) */
    public static Targets build(Settings settings, RunFacts facts) {
        Daemons.start("warm-up-http", BffClient::warmUp);
        facts.env(settings.env.id());
        facts.image(settings.artifacts.image());
        facts.releaseTag(settings.artifacts.imageTag());
        // Helm's native library takes most of a second to load: while it does, the run starts its servers
        CompletableFuture<String> helmVersion = CompletableFuture.supplyAsync(HelmClient::version,
                runnable -> Daemons.start("helm-version", runnable));
        chart(Path.of(settings.artifacts.chartPath())).ifPresent(chart -> {
            facts.chartVersion(chart.path("name").asText() + "-" + chart.path("version").asText());
            facts.chart(chart.path("name").asText(), chart.path("version").asText());
        });
        facts.imageRepository(settings.artifacts.imageRepository());
        facts.suiteVersion(SuiteVersion.of(Settings.projectDir()));
        try {
            facts.chartDigest(ChartDigest.of(Path.of(settings.artifacts.chartPath())));
        } catch (UncheckedIOException e) {
            // C5.2 reports a chart that cannot be read; the attestation then names no chart digest
        }
        SharedTargets shared = SharedTargets.of(settings, facts);
        Targets targets = switch (settings.env) {
            case SIM -> SimTargets.build(settings, facts, shared);
            case LOCAL -> LocalTargets.build(settings, facts, shared);
            case CLUSTER -> ClusterTargets.build(settings, facts, shared);
        };
        try {
            facts.helmVersion(helmVersion.join());
        } catch (CompletionException e) {
            targets.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return targets;
    }

    /** The chart's Chart.yaml, if it can be read (C5.2 reports a chart that cannot be). */
    private static Optional<JsonNode> chart(Path chart) {
        try {
            return Optional.of(new ObjectMapper(new YAMLFactory()).readTree(chart.resolve("Chart.yaml").toFile()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

}
