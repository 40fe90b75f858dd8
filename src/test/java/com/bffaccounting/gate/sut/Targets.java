package com.bffaccounting.gate.sut;

import com.bffaccounting.gate.kube.ClusterProbe;
import com.bffaccounting.gate.prometheus.PrometheusClient;
import com.bffaccounting.gate.registry.RegistryClient;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What this run verifies, as capabilities the checks require: the BFF over HTTP (with or without its
 * log), the Kubernetes API, the registry, Prometheus, and the chart to deploy. Built once per run by
 * {@link RunComposer}; closing it stops whatever the suite started (the simulated pilot, a BFF
 * process, containers, a port-forward).
 */
public final class Targets implements AutoCloseable {
    private final Supplier<Capability<BffTarget>> bff;
    private Capability<BffTarget> resolvedBff;
    private final ClusterProbe clusterProbe;
    private final Capability<ClusterTarget> cluster;
    private final Capability<RegistryClient> registry;
    private final Supplier<Capability<PrometheusClient>> prometheus;
    private Capability<PrometheusClient> resolvedPrometheus;
    private final Path chart;
    private final List<AutoCloseable> resources;

    private Targets(Builder built, List<AutoCloseable> resources) {
        this.bff = built.bff;
        this.clusterProbe = built.clusterProbe;
        this.cluster = built.cluster;
        this.registry = built.registry;
        this.prometheus = built.prometheus;
        this.chart = built.chart;
        this.resources = resources;
    }

    /** A run's targets, starting from what every env shares: the registry, Prometheus at prometheus.url, the chart. */
    static Builder from(SharedTargets shared) {
        return new Builder(shared);
    }

    /** Names each part, so that no builder passes seven arguments by position. */
    static final class Builder {
        private Supplier<Capability<BffTarget>> bff;
        private ClusterProbe clusterProbe;
        private Capability<ClusterTarget> cluster;
        private Capability<RegistryClient> registry;
        private Supplier<Capability<PrometheusClient>> prometheus;
        private Path chart;

        private Builder(SharedTargets shared) {
            this.registry = shared.registry();
            this.prometheus = shared.prometheusFromUrl();
            this.chart = shared.chart();
        }

        /** The BFF, resolved when a check first needs it. */
        Builder bff(Supplier<Capability<BffTarget>> bff) {
            this.bff = bff;
            return this;
        }

        Builder cluster(ClusterProbe probe, Capability<ClusterTarget> cluster) {
            this.clusterProbe = probe;
            this.cluster = cluster;
            return this;
        }

        /** No cluster in this run, and why: every cluster check is NOT_RUN with it. */
        Builder noCluster(String reason) {
            return cluster(ClusterProbe.notConfigured(reason), Capability.absent(reason));
        }

        Builder registry(Capability<RegistryClient> registry) {
            this.registry = registry;
            return this;
        }

        Builder prometheus(Supplier<Capability<PrometheusClient>> prometheus) {
            this.prometheus = prometheus;
            return this;
        }

        Builder chart(Path chart) {
            this.chart = chart;
            return this;
        }

        /** The targets, which close {@code resources} (newest first) when the run ends. */
        Targets closing(List<AutoCloseable> resources) {
            if (bff == null || cluster == null) {
                throw new IllegalStateException("a run's targets name their BFF and their cluster (or why there is none)");
            }
            return new Targets(this, resources);
        }
    }

    /**
     * The BFF, resolved on first use: in a cluster it is reached through a port-forward to a ready pod,
     * which is only opened when a check needs it.
     */
    public synchronized Capability<BffTarget> bff() {
        if (resolvedBff == null) {
            resolvedBff = bff.get();
        }
        return resolvedBff;
    }

    /** What is known about the cluster connection even when it failed (C3.1, C10.1). */
    public ClusterProbe clusterProbe() {
        return clusterProbe;
    }

    public Capability<ClusterTarget> cluster() {
        return cluster;
    }

    public Capability<RegistryClient> registry() {
        return registry;
    }

    /** Prometheus, resolved on first use: in sim that is when the suite starts a real one. */
    public synchronized Capability<PrometheusClient> prometheus() {
        if (resolvedPrometheus == null) {
            resolvedPrometheus = prometheus.get();
        }
        return resolvedPrometheus;
    }

    /** The chart Step 3 deploys and C5.2 verifies. */
    public Path chart() {
        return chart;
    }

    /** Stops what the suite started, newest first; every resource is closed even if one fails. */
    @Override
    public synchronized void close() {
        closeNewestFirst(resources);
    }

    /** Closes what a run started, newest first; every resource is closed even if one fails (the first failure is thrown). */
    static void closeNewestFirst(List<AutoCloseable> resources) {
        RuntimeException first = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("stopping " + resources.get(i) + ": " + e.getMessage(), e);
                }
            }
        }
        resources.clear();
        if (first != null) {
            throw first;
        }
    }
}
