package com.bffaccounting.gate.sut;

import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.model.RunFacts;
import com.bffaccounting.gate.prometheus.PrometheusClient;
import com.bffaccounting.gate.registry.RegistryClient;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What every kind of target shares, made once by {@link RunComposer} and handed down to the builder of the
 * run's env, which never calls back: the registry client for the image's host, Prometheus at
 * {@code prometheus.url} (said in the run's facts when a check first asks for it), and the chart.
 */
record SharedTargets(Capability<RegistryClient> registry, Supplier<Capability<PrometheusClient>> prometheusFromUrl, Path chart) {

    static SharedTargets of(Settings settings, RunFacts facts) {
        String host = settings.artifacts.imageRepository().substring(0, settings.artifacts.imageRepository().indexOf('/'));
        URI url = settings.registry.url().orElse(URI.create("https://" + host));
        RegistryClient registry = new RegistryClient(url, settings.registry.username(), settings.registry.password(), settings.registry.timeout());
        Capability<PrometheusClient> prometheus = settings.prometheus.url()
                .map(given -> Capability.of(new PrometheusClient(given, settings.prometheus.queryTimeout())))
                .orElseGet(() -> Capability.absent("needs Prometheus: no -Dprometheus.url given (env=" + settings.env.id() + ")"));
        String said = settings.prometheus.url().map(URI::toString)
                .orElse("none (no -Dprometheus.url): C12.1/C12.2 read from a direct scrape, C12.3 not run");
        return new SharedTargets(Capability.of(registry), () -> {
            facts.prometheus(said);
            return prometheus;
        }, Path.of(settings.artifacts.chartPath()));
    }
}
