package com.bffaccounting.gate.config;

import com.bffaccounting.gate.evidence.Redactor;
import com.bffaccounting.gate.model.ImageReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a setting's text becomes a value, and what is wrong with a text that does not: each rejection is
 * one line that names the bad part and what to write instead.
 *
 * @param <T> the parsed value
 */
@FunctionalInterface
public interface SettingType<T> {
    /** @throws Rejected with the reason, to follow "name: " (and the value, when {@link Rejected#quotesValue()}) */
    T parse(String text);

    /** A text this type does not take. */
    final class Rejected extends IllegalArgumentException {
        private final boolean quotesValue;

        private Rejected(String reason, boolean quotesValue) {
            super(reason);
            this.quotesValue = quotesValue;
        }

        /** "'5x' is not a duration — …": the reader puts the value (masked if secret) in front. */
        static Rejected value(String reason) {
            return new Rejected(reason, true);
        }

        /** A reason that names the bad part itself ("entry 2 … is listed twice"). */
        static Rejected part(String reason) {
            return new Rejected(reason, false);
        }

        public boolean quotesValue() {
            return quotesValue;
        }
    }

    ObjectMapper JSON = new ObjectMapper();
    Pattern SIMPLE_DURATION = Pattern.compile("(-?)(\\d+)(ms|s|m|h|d)");
    /** RFC 9110 §5.6.2: the characters of a token (header names, and the tenants this suite sends as header values). */
    Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    SettingType<String> TEXT = text -> text;

    SettingType<Boolean> BOOLEAN = text -> switch (text.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "1" -> true;
        case "false", "no", "0" -> false;
        default -> throw Rejected.value("is not a boolean — use true or false");
    };

    SettingType<Integer> POSITIVE_INT = text -> {
        try {
            int parsed = Integer.parseInt(text);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // the same words as a number that is not positive
        }
        throw Rejected.value("is not a positive whole number");
    };

    SettingType<Integer> PORT = text -> {
        int port = POSITIVE_INT.parse(text);
        if (port > 65535) {
            throw Rejected.value("is not a port (1-65535)");
        }
        return port;
    };

    SettingType<Double> RATIO = text -> {
        double parsed = SettingType.fractionOf(text);
        if (parsed >= 0 && parsed <= 1) {
            return parsed;
        }
        throw Rejected.value("is not a ratio between 0 and 1 (e.g. 0.05 or 5%)");
    };

    /** A relative change, any size above zero: 50%, 0.5, 300%. */
    SettingType<Double> RELATIVE_CHANGE = text -> {
        double parsed = SettingType.fractionOf(text);
        if (parsed > 0 && Double.isFinite(parsed)) {
            return parsed;
        }
        throw Rejected.value("is not a relative change above zero (e.g. 50% or 0.5)");
    };

    /** "5%" → 0.05, "0.05" → 0.05; NaN for what is no number (which no range accepts). */
    static double fractionOf(String text) {
        try {
            return text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100.0 : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Durations as people write them ({@code 300s}, {@code 5m}, {@code 1d}, {@code 500ms}) or ISO ({@code PT5M}),
     * more than zero: every duration of the suite bounds a wait, and 0 would mean "wait forever" to a client.
     */
    SettingType<Duration> DURATION = text -> {
        Duration parsed = SettingParsing.durationOf(text);
        if (parsed == null) {
            throw Rejected.value("is not a duration — write e.g. 30s, 5m, 1d or PT5M");
        }
        if (parsed.isNegative()) {
            throw Rejected.value("is negative — a duration must be more than 0");
        }
        if (parsed.isZero()) {
            throw Rejected.value("is zero — a duration must be more than 0 (to a client, 0 means wait forever)");
        }
        return parsed;
    };

    /** An absolute http(s) URL. */
    SettingType<URI> HTTP_URL = text -> {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // the same words as a URL of another scheme
        }
        throw Rejected.part("'" + Redactor.maskUserInfo(text) + "' is not an http(s) URL — write e.g. http://localhost:8081");
    };

    /** The pilot allowlist: a JSON array of tenant strings, as the container's OS_TENANT_ALLOWLIST_JSON takes it. */
    SettingType<List<String>> TENANT_JSON_ARRAY = SettingParsing::tenantJsonArray;

    /** Tenants as a comma-separated list ({@code pilot-b,test-tenant}). */
    SettingType<List<String>> TENANT_LIST = text -> SettingParsing.tenants(SettingParsing.splitList(text));

    /** A comma-separated list of words (faults, simulated sources). */
    SettingType<List<String>> LIST = SettingParsing::splitList;

    /** A header name (RFC 9110 token). */
    SettingType<String> HEADER_NAME = text -> {
        SettingParsing.requireHeaderName(text);
        return text;
    };

    /** {@code Name=value,Name2=value2} request headers, order kept; names and values as RFC 9110 allows. */
    SettingType<Map<String, String>> HEADERS = text -> SettingParsing.pairs(text, "header ",
            item -> "'" + item.replaceAll("=.*", "=***") + "' is not Name=value — write e.g. X-User-Role=auditor,X-User-Id=pilot-user",
            (name, value) -> {
                SettingParsing.requireHeaderName(name);
                SettingParsing.requireHeaderValue(name, value);
            });

    /** Keys the suite sets itself from settings of their own: {@link #HELM_SET} may not set them behind their back. */
    Map<String, String> OWN_HELM_KEYS = Map.of("image.repository", "image.repository", "image.tag", "image.tag",
            "image.digest", "image.digest", "env.OS_TENANT_ALLOWLIST_JSON", "pilot.allowlist");
    Pattern HELM_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\[\\d+])?(\\.[A-Za-z_][A-Za-z0-9_-]*(\\[\\d+])?)*");

    /** {@code key=value,key2=value2}: Helm {@code --set} values, order kept; not the image or allowlist, which have settings. */
    SettingType<Map<String, String>> HELM_SET = text -> SettingParsing.pairs(text, "",
            item -> "'" + item + "' is not key=value — write e.g. resources.requests.cpu=250m,replicaCount=3",
            (key, value) -> {
                if (!HELM_KEY.matcher(key).matches()) {
                    throw Rejected.part("'" + key + "' is not a Helm value path — write dotted names, e.g. probes.readiness.periodSeconds");
                }
                if (OWN_HELM_KEYS.containsKey(key)) {
                    throw Rejected.part(key + " is the suite's own value — set it with -D" + OWN_HELM_KEYS.get(key));
                }
            });

    SettingType<String> HTTP_METHOD = text -> {
        String method = text.toUpperCase(Locale.ROOT);
        if (!Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
            throw Rejected.value("is not an HTTP method — use GET (default) or POST");
        }
        return method;
    };

    /** A request path with its query: {@code /v1/accounting/audit?page=1}. */
    SettingType<String> REQUEST_PATH = text -> {
        if (!text.startsWith("/")) {
            throw Rejected.value("must start with / — e.g. /v1/accounting/audit?page=1&page_size=1");
        }
        try {
            new URI(text);
        } catch (URISyntaxException e) {
            throw Rejected.value("is not a valid request path (" + e.getReason() + ")");
        }
        return text;
    };

    /** An image repository by the OCI grammar, optionally pinned: {@code ghcr.io/owner/name} or {@code …@sha256:…}. */
    SettingType<String> IMAGE_REPOSITORY = checkedBy(text -> {
        ImageReference.parseRepository(text);
        return text;
    });

    SettingType<String> IMAGE_TAG = checkedBy(text -> {
        ImageReference.requireTag(text);
        return text;
    });

    /** A content digest, {@code sha256:} and 64 hex digits (OCI image-spec descriptor grammar). */
    SettingType<String> DIGEST = checkedBy(ImageReference::requireDigest);

    /** {@code NAMESPACE/NAME:PORT} of a Service. */
    SettingType<ServiceRef> SERVICE = text -> {
        Matcher m = ServiceRef.FORM.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(3)) > 65535) {
            throw Rejected.value("is not NAMESPACE/NAME:PORT — e.g. monitoring/prometheus:9090");
        }
        return new ServiceRef(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
    };

    /** A type whose check lives with its value (model's grammar): its refusal, in its own words, is the setting's. */
    static <T> SettingType<T> checkedBy(java.util.function.Function<String, T> check) {
        return text -> {
            try {
                return check.apply(text);
            } catch (IllegalArgumentException e) {
                throw Rejected.part(e.getMessage());
            }
        };
    }

    /** One of a few words, compared without case. */
    static SettingType<String> oneOf(String... words) {
        return text -> Arrays.stream(words).filter(w -> w.equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> Rejected.value("must be " + String.join(" or ", words)));
    }
}
