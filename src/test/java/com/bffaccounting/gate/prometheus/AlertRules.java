package com.bffaccounting.gate.prometheus;

import com.bffaccounting.gate.helm.ChartSwitches;
import com.bffaccounting.gate.helm.HelmClient;
import com.bffaccounting.gate.helm.HelmValues;
import com.bffaccounting.gate.helm.RenderedChart;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.nio.file.Path;

/**
 * The alert rules Prometheus really evaluates: the rule groups of the chart's PrometheusRule, rendered
 * by Helm and written as a plain Prometheus rule file (what the Operator hands to Prometheus).
 */
public final class AlertRules {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private AlertRules() {
    }

    /** {@code groups:} YAML of the PrometheusRule that {@code chart} renders with {@code values}. */
    public static String fromChart(Path chart, HelmValues values) {
        RenderedChart rendered = RenderedChart.parse(HelmClient.template(chart, "bff", "accounting", values));
        JsonNode rule = rendered.first("PrometheusRule")
                .orElseThrow(() -> new IllegalStateException(chart + " renders no PrometheusRule"
                        + ChartSwitches.hint(chart, "prometheusrule", "alert", "rule")))
                .body();
        ObjectNode file = YAML.createObjectNode();
        file.set("groups", rule.path("spec").path("groups"));
        try {
            return YAML.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
