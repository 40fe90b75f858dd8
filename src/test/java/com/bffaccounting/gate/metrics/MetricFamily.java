package com.bffaccounting.gate.metrics;

import java.util.List;

/**
 * A metric as declared by {@code # TYPE}: a histogram's {@code _bucket}, {@code _sum} and
 * {@code _count} series belong to it, as do a summary's quantiles.
 */
public record MetricFamily(String name, Type type, String help, List<Sample> samples) {
    public enum Type { COUNTER, GAUGE, HISTOGRAM, SUMMARY, UNTYPED }
}
