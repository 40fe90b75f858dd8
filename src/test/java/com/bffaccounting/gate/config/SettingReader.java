package com.bffaccounting.gate.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.bffaccounting.gate.evidence.Redactor;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads over a {@link SettingSource}. Each bad value is recorded as one line (setting, value,
 * what to do) instead of thrown, so that a run with three mistakes reports all three at once.
 */
public final class SettingReader {
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SettingSource source;
    private final List<String> errors = new ArrayList<>();

    public SettingReader(SettingSource source) {
        this.source = source;
    }

    public SettingSource source() {
        return source;
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    public Optional<String> optional(String key) {
        return source.lookup(key).filter(v -> !v.isEmpty());
    }

    public String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "1":
                return true;
            case "false":
            case "no":
            case "0":
                return false;
            default:
                errors.add(key + ": '" + value.get() + "' is not a boolean — use true or false");
                return defaultValue;
        }
    }

    public int positiveInt(String key, int defaultValue) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the same wording as a non-positive number
        }
        errors.add(key + ": '" + value.get() + "' is not a positive whole number");
        return defaultValue;
    }

    public double fraction(String key, double defaultValue) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            String text = value.get();
            double parsed = text.endsWith("%")
                    ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100.0
                    : Double.parseDouble(text);
            if (parsed >= 0 && parsed <= 1) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(key + ": '" + value.get() + "' is not a ratio between 0 and 1 (e.g. 0.05 or 5%)");
        return defaultValue;
    }

    /** Durations as people write them: {@code 300s}, {@code 5m}, {@code 1d}, {@code 500ms}, or ISO {@code PT5M}. */
    public Duration duration(String key, Duration defaultValue) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        Optional<Duration> parsed = parseDuration(value.get());
        if (parsed.isEmpty()) {
            errors.add(key + ": '" + value.get() + "' is not a duration — write e.g. 30s, 5m, 1d or PT5M");
            return defaultValue;
        }
        if (parsed.get().isNegative()) {
            errors.add(key + ": '" + value.get() + "' is negative — a duration must be 0 or more");
            return defaultValue;
        }
        return parsed.get();
    }

    public static Optional<Duration> parseDuration(String text) {
        String trimmed = text.trim();
        boolean negative = trimmed.startsWith("-");
        String body = negative ? trimmed.substring(1) : trimmed;
        Matcher m = SIMPLE_DURATION.matcher(body);
        Duration result;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms": result = Duration.ofMillis(n); break;
                case "s": result = Duration.ofSeconds(n); break;
                case "m": result = Duration.ofMinutes(n); break;
                case "h": result = Duration.ofHours(n); break;
                default: result = Duration.ofDays(n); break;
            }
        } else {
            try {
                result = Duration.parse(body.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.of(negative ? result.negated() : result);
    }

    /** An absolute http(s) URL; {@code null} default means the setting is optional. */
    public URI url(String key, String defaultValue) {
        Optional<String> value = optional(key);
        String text = value.orElse(defaultValue);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        errors.add(key + ": '" + Redactor.maskUserInfo(text) + "' is not an http(s) URL — write e.g. http://localhost:8081");
        return null;
    }

    /** A JSON array of non-empty strings, e.g. the tenant allowlist {@code ["default","pilot-a"]}. */
    public List<String> jsonStringArray(String key, String defaultValue) {
        String text = optional(key).orElse(defaultValue);
        try {
            List<String> list = JSON.readValue(text, new TypeReference<List<String>>() { });
            if (list == null || list.stream().anyMatch(s -> s == null || s.isBlank())) {
                errors.add(key + ": '" + text + "' must be a JSON array of non-empty strings, e.g. [\"default\",\"pilot-a\"]");
                return List.of();
            }
            return List.copyOf(list);
        } catch (JsonProcessingException e) {
            errors.add(key + ": '" + text + "' is not valid JSON (" + e.getOriginalMessage()
                    + ") — write a JSON array such as '[\"default\",\"pilot-a\"]'");
            return List.of();
        }
    }

    public List<String> list(String key, String defaultValue) {
        String text = optional(key).orElse(defaultValue);
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code Name=value,Name2=value2} pairs, order kept (probe headers). */
    public Map<String, String> pairs(String key, String defaultValue) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String item : list(key, defaultValue)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                errors.add(key + ": '" + item.replaceAll("=.*", "=***") + "' is not Name=value — write e.g. X-User-Role=operator,X-User-Id=pilot-user");
                continue;
            }
            result.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        return result;
    }

    public void require(boolean condition, String message) {
        if (!condition) {
            errors.add(message);
        }
    }

    public void error(String message) {
        errors.add(message);
    }
}
