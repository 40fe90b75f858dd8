package com.bffaccounting.gate.metrics;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** One scrape, parsed. Lookups are by sample name, so {@code foo_bucket} is found as itself. */
public final class MetricsSnapshot {
    private final Map<String, MetricFamily> families;
    private final Map<String, List<Sample>> samplesByName;

    MetricsSnapshot(Map<String, MetricFamily> families, Map<String, List<Sample>> samplesByName) {
        this.families = families;
        this.samplesByName = samplesByName;
    }

    public Collection<MetricFamily> families() {
        return families.values();
    }

    public Optional<MetricFamily> family(String name) {
        return Optional.ofNullable(families.get(name));
    }

    public List<Sample> samples(String sampleName) {
        return samplesByName.getOrDefault(sampleName, List.of());
    }

    public boolean has(String sampleName) {
        return !samples(sampleName).isEmpty();
    }

    /** Sum of the series of {@code sampleName} that match; 0 when none do (callers check {@link #has} first). */
    public double sum(String sampleName, Predicate<Sample> filter) {
        return samples(sampleName).stream().filter(filter).mapToDouble(Sample::value).sum();
    }
}
