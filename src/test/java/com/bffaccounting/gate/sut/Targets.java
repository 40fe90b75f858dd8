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

    Targets(Supplier<Capability<BffTarget>> bff, ClusterProbe clusterProbe, Capability<ClusterTarget> cluster,
            Capability<RegistryClient> registry, Supplier<Capability<PrometheusClient>> prometheus, Path chart,
            List<AutoCloseable> resources) {
        this.bff = bff;
        this.clusterProbe = clusterProbe;
        this.cluster = cluster;
        this.registry = registry;
        this.prometheus = prometheus;
        this.chart = chart;
        this.resources = resources;
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
