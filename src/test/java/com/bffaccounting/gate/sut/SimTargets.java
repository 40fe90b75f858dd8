package com.bffaccounting.gate.sut;

import com.bffaccounting.gate.config.ConfigException;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.helm.HelmClient;
import com.bffaccounting.gate.helm.HelmValues;
import com.bffaccounting.gate.io.Daemons;
import com.bffaccounting.gate.io.Executables;
import com.bffaccounting.gate.model.RunFacts;
import com.bffaccounting.gate.prometheus.AlertRules;
import com.bffaccounting.gate.prometheus.PromDurations;
import com.bffaccounting.gate.prometheus.PrometheusClient;
import com.bffaccounting.gate.registry.RegistryClient;
import com.bffaccounting.gate.sim.Fault;
import com.bffaccounting.gate.sim.SimPilot;
import com.bffaccounting.gate.sim.prometheus.SimPrometheus;
import com.bffaccounting.gate.sim.cluster.SimCluster;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * {@code env=sim}: the simulated pilot (SimRegistry, SimCluster, SimBff), reached as a cluster run
 * reaches a real one, and a real Prometheus started on first use. The only composition that knows the
 * simulator.
 */
final class SimTargets {
    /** The simulated API server counts writes itself, and serves no OpenAPI document for Helm's schema validation. */
    private static final ClusterTarget.Origin SIMULATED = new ClusterTarget.Origin(" (SimCluster — simulated API server, SimBff behind it)",
            "the simulated API server itself");

    private SimTargets() {
    }

    /**
     * What only the simulator can check before anything starts: that every {@code sim.faults} name is a
     * fault it has, and that an expected context is the simulated one.
     */
    static void preflight(Settings settings) {
        List<String> unknown = settings.sim.faults().stream().filter(f -> !Fault.isKnown(f)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ConfigException("sim.faults: " + unknown + " " + (unknown.size() == 1 ? "is not a known fault" : "are not known faults")
                    + " — see src/test/resources/FAULTS.md for the list");
        }
        settings.cluster.expectedContext().filter(expected -> !expected.equals(SimCluster.CONTEXT)).ifPresent(expected -> {
            throw ConfigException.wrongContext(expected, SimCluster.CONTEXT, "the simulated kubeconfig");
        });
    }

    static Targets build(Settings settings, RunFacts facts, SharedTargets shared) {
        preflight(settings);
        List<AutoCloseable> resources = Collections.synchronizedList(new ArrayList<>());
        Path chart = shared.chart();
        Optional<SimPrometheus> prometheus = startPrometheus(settings);
        prometheus.ifPresent(resources::add);
        try {
            SimPilot pilot = SimPilot.start(settings, chart);
            resources.add(pilot);
            prometheus.ifPresent(started -> started.pointTo(new InetSocketAddress(pilot.bff().baseUrl().getHost(), pilot.bff().baseUrl().getPort())));
            return simTargets(settings, facts, shared, pilot, prometheus, resources);
        } catch (RuntimeException e) {
            // a half-built run must not leave Prometheus or the simulated pilot's servers behind
            Targets.closeNewestFirst(resources);
            throw e;
        }
    }

    private static Targets simTargets(Settings settings, RunFacts facts, SharedTargets shared, SimPilot pilot,
                                      Optional<SimPrometheus> prometheus, List<AutoCloseable> resources) {
        Path chartUnderTest = pilot.chartUnderTest(shared.chart(), resources);
        facts.standIn("SimBff + SimCluster + SimRegistry (simulated pilot)");
        RegistryClient registry = new RegistryClient(pilot.registryUrl(), Optional.empty(), Optional.empty(),
                settings.registry.timeout());
        IntSupplier writes = pilot.cluster().<IntSupplier>map(c -> c::writeRequests).orElse(() -> 0);
        ClusterConnection connection = ClusterConnection.connect(settings, facts, pilot.kubeconfig(), "(simulated kubeconfig)",
                SIMULATED, writes, new HelmClient.Options(settings.cluster.writesAllowed(), false));
        connection.cluster().get().ifPresent(resources::add);
        // counted to the end of the run: the verdict says how often the API server had to be asked again
        connection.cluster().get().ifPresent(c -> resources.add(() -> facts.kubeRetries(c.kube().retries())));
        Supplier<Capability<BffTarget>> bff = connection.bffBehindDeployment(settings, facts, resources);
        return Targets.from(shared).bff(bff).cluster(connection.probe(), connection.cluster()).registry(Capability.of(registry))
                .prometheus(simPrometheus(settings, facts, shared, prometheus, pilot, connection, resources)).chart(chartUnderTest)
                .closing(resources);
    }

    /**
     * In sim: a real Prometheus scraping SimBff and evaluating the chart's own alert rules (durations
     * compressed by settings), started before the simulated pilot — or, from a JVM's second run on, while
     * the run before ran ({@link SimPrometheus}) — so that its five-second wait for targets is not waited
     * for. The rules are rendered (Helm) while it starts. None when {@code prometheus.url} names one, or
     * without the binary.
     */
    private static Optional<SimPrometheus> startPrometheus(Settings settings) {
        if (settings.prometheus.url().isPresent()) {
            return Optional.empty();
        }
        return settings.prometheus.binary().map(Path::of).or(() -> Executables.onPath("prometheus")).map(binary -> SimPrometheus.start(
                new SimPrometheus.Key(binary, settings.prometheus.scrapeInterval(), settings.prometheus.queryTimeout()), alertRules(settings)));
    }

    /**
     * The chart's alert rules with the run's thresholds, rendered in the background. A chart that cannot be
     * rendered is C5.2's to report, not a setup failure: C12.3 says why its Prometheus has no rules.
     */
    private static CompletableFuture<String> alertRules(Settings settings) {
        return CompletableFuture.supplyAsync(() -> AlertRules.fromChart(Path.of(settings.artifacts.chartPath()), new HelmValues()
                        .set("prometheusRule.externalSyncStale.thresholdSeconds", Long.toString(settings.sync.maxLag().toSeconds()))
                        .set("prometheusRule.externalSyncStale.for", PromDurations.of(settings.sync.alertFor()))),
                runnable -> Daemons.start("render-alert-rules", runnable));
    }

    /** C12's Prometheus: the one at {@code prometheus.url}, the one the suite started, or none (C12.3 NOT_RUN, C12.1/C12.2 from a direct scrape). */
    private static Supplier<Capability<PrometheusClient>> simPrometheus(Settings settings, RunFacts facts, SharedTargets shared,
                                                                      Optional<SimPrometheus> started, SimPilot pilot,
                                                                      ClusterConnection connection, List<AutoCloseable> resources) {
        if (settings.prometheus.url().isPresent()) {
            return shared.prometheusFromUrl();
        }
        if (started.isEmpty()) {
            facts.prometheus("none (no prometheus binary on PATH): C12 read from a direct scrape, C12.3 not run");
            Capability<PrometheusClient> absent = Capability.absent("needs Prometheus: no prometheus binary on PATH"
                    + " (apt-get install prometheus) and no -Dprometheus.url");
            return () -> absent;
        }
        return () -> {
            PrometheusClient direct = started.get().client();
            facts.prometheus(direct.url() + " (real Prometheus " + started.get().binary() + ", started by the suite)");
            if (settings.prometheus.service().isPresent()) {
                // the simulated Service's pod stands for this Prometheus: C12 goes through the port-forward, as in a cluster
                pilot.routePrometheusPods(direct.url());
                return connection.prometheusInCluster(settings, facts, resources).get();
            }
            return Capability.of(direct);
        };
    }

}
