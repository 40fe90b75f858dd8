package com.bffaccounting.gate.helm;

import com.bffaccounting.gate.kube.ApiErrors;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whose fault a failed {@code helm upgrade --install} is, read from Helm's own words. The release is at
 * fault (FAIL) when the cluster refused its objects for what they are: an admission webhook or PodSecurity
 * denying them, an invalid manifest. The environment is (INCONCLUSIVE, with the fix) when the cluster
 * could not take them for reasons of its own: the account may not write (RBAC), the Prometheus Operator's
 * CRDs are not installed, OpenAPI or discovery failed. Anything else stays the release's, as before.
 */
public final class HelmFailure {
    private static final Pattern RBAC = Pattern.compile("(\\S+) is forbidden: User \"([^\"]+)\" cannot (\\w+) resource \"([^\"]+)\""
            + "(?: in API group \"[^\"]*\")?(?: in the namespace \"([^\"]+)\")?");
    private static final Pattern NO_KIND = Pattern.compile("no matches for kind \"(\\w+)\" in version \"([^\"]+)\"");
    private static final Pattern WEBHOOK = Pattern.compile("admission webhook \"([^\"]+)\" denied the request:?\\s*(.*)");

    /** What the cluster said, and whose fault it is. */
    public record Verdict(boolean environment, String reason) {
    }

    private HelmFailure() {
    }

    /**
     * @param helmMessage Helm's error, one line
     * @param chart       the chart deployed: a fix names only the switches its values.yaml has
     */
    public static Verdict classify(String helmMessage, String namespace, Path chart) {
        Matcher webhook = WEBHOOK.matcher(helmMessage);
        if (webhook.find()) {
            return new Verdict(false, "the cluster's admission webhook " + webhook.group(1) + " refused the release's objects: "
                    + webhook.group(2).trim());
        }
        if (helmMessage.contains("violates PodSecurity")) {
            return new Verdict(false, "PodSecurity refused the release's pods: " + from(helmMessage, "violates PodSecurity"));
        }
        Matcher rbac = RBAC.matcher(helmMessage);
        if (rbac.find()) {
            String ns = Optional.ofNullable(rbac.group(5)).orElse(namespace);
            return new Verdict(true, "the deploying account " + rbac.group(2) + " may not " + rbac.group(3) + " " + rbac.group(4)
                    + " in namespace " + ns + " — grant it the deploy Role (deploy/rbac/), check with: "
                    + ApiErrors.canI(rbac.group(3), rbac.group(4), ns));
        }
        Matcher noKind = NO_KIND.matcher(helmMessage);
        boolean namesKind = noKind.find();
        if (namesKind || helmMessage.contains("ensure CRDs are installed first")) {
            String kind = namesKind ? noKind.group(1) : "ServiceMonitor or PrometheusRule";
            String version = namesKind ? " (" + noKind.group(2) + ")" : "";
            List<String> switches = Stream.of(ChartSwitches.enabledKey(chart, "servicemonitor", "monitor"),
                    ChartSwitches.enabledKey(chart, "prometheusrule", "alert", "rule")).flatMap(Optional::stream).map(k -> k + "=false").toList();
            return new Verdict(true, "the cluster has no " + kind + " CRD" + version + ": install the Prometheus Operator's CRDs"
                    + (switches.isEmpty() ? "" : ", or deploy with " + String.join(" and ", switches) + " (then C12 reads no alert rule)"));
        }
        if (helmMessage.contains("openapi") || helmMessage.contains("unable to retrieve the complete list of server APIs")
                || helmMessage.contains("the server could not find the requested resource")) {
            return new Verdict(true, "the API server could not describe itself to Helm (OpenAPI or discovery failed): " + helmMessage);
        }
        if (helmMessage.contains(" is invalid")) {
            return new Verdict(false, "the API server refused the release's manifest as invalid: " + from(helmMessage, " is invalid"));
        }
        return new Verdict(false, helmMessage);
    }

    /** The words around a marker: from the object's name before it to the end. */
    private static String from(String message, String marker) {
        int at = message.indexOf(marker);
        int start = message.lastIndexOf(": ", at);
        return message.substring(start < 0 ? 0 : start + 2).trim();
    }
}
