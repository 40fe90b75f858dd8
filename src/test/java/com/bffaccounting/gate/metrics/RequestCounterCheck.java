package com.bffaccounting.gate.metrics;

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
