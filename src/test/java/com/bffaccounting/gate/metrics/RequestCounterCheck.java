package com.bffaccounting.gate.metrics;

import com.bffaccounting.gate.outcome.Observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * C11.4: the request counter must exist and must have counted the requests this run made between two
 * scrapes. Per tenant when the counter carries the tenant label, in total otherwise.
 */
public final class RequestCounterCheck {
    private final String counter;
    private final String tenantLabel;

    public RequestCounterCheck(String counter, String tenantLabel) {
        this.counter = counter;
        this.tenantLabel = tenantLabel;
    }

    /**
     * What C11.4 reports: the counter's total before and after (in words: its level depends on the BFF's
     * uptime, so it is no measurement to compare across releases) and how much it grew against the
     * requests this run made.
     */
    public List<Observation> observed(MetricsSnapshot before, MetricsSnapshot after, Map<String, Integer> requestsByTenant) {
        double then = before.sum(counter, s -> true);
        double now = after.sum(counter, s -> true);
        int made = requestsByTenant.values().stream().mapToInt(Integer::intValue).sum();
        return List.of(
                Observation.note(counter + " " + Sample.formatValue(then) + " before, " + Sample.formatValue(now) + " after"),
                Observation.measure("counter delta", now - then, null).of(counter).against(made)
                        .says(counter + " grew by " + Sample.formatValue(now - then) + "; this run made " + made + " requests"));
    }

    /** Empty when fine; otherwise one line per problem. */
    public List<String> problems(MetricsSnapshot before, MetricsSnapshot after, Map<String, Integer> requestsByTenant) {
        List<String> problems = new ArrayList<>();
        // Declared (# TYPE) but without series counts as zero: "nothing counted" is a delta failure below.
        if (!after.has(counter) && after.family(counter).isEmpty()) {
            problems.add(counter + " is not exposed: the scrape has no series of it (families present: "
                    + after.families().stream().map(MetricFamily::name).limit(15).toList() + ")");
            return problems;
        }
        int total = requestsByTenant.values().stream().mapToInt(Integer::intValue).sum();
        boolean hasTenantLabel = after.samples(counter).stream().anyMatch(s -> s.labels().containsKey(tenantLabel));
        if (hasTenantLabel) {
            requestsByTenant.forEach((tenant, made) -> {
                double grown = after.sum(counter, s -> Objects.equals(s.label(tenantLabel), tenant))
                        - before.sum(counter, s -> Objects.equals(s.label(tenantLabel), tenant));
                if (grown < made) {
                    problems.add(counter + "{" + tenantLabel + "=\"" + tenant + "\"} grew by " + Sample.formatValue(grown)
                            + " while the suite made " + made + " requests as that tenant");
                }
            });
        } else {
            double grown = after.sum(counter, s -> true) - before.sum(counter, s -> true);
            if (grown < total) {
                problems.add(counter + " grew by " + Sample.formatValue(grown) + " in total while the suite made "
                        + total + " requests");
            }
        }
        return problems;
    }
}
