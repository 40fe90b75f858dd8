package com.bffaccounting.gate.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checks and words {@link SettingType}s share: lists, tenants, header names and values, durations. */
final class SettingParsing {
    private SettingParsing() {
    }

    static List<String> splitList(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Tenants travel as a header value: non-empty tokens of printable ASCII, each once. */
    static List<String> tenants(List<String> tenants) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tenants.size(); i++) {
            String tenant = tenants.get(i);
            String where = "entry " + (i + 1) + " " + quoted(tenant);
            if (tenant.isEmpty()) {
                throw SettingType.Rejected.part("entry " + (i + 1) + " is empty — a tenant is a non-empty name such as pilot-a");
            }
            badCharacter(tenant, SettingType.TOKEN).ifPresentOrElse(bad -> {
                throw SettingType.Rejected.part(where + " has " + bad + ", which a tenant sent as a header value cannot carry"
                        + " — use printable ASCII letters, digits and - . _ ~ ! # $ % & ' * + ^ ` |");
            }, () -> { });
            if (!seen.add(tenant)) {
                throw SettingType.Rejected.part(where + " is listed twice");
            }
        }
        return List.copyOf(tenants);
    }

    static void requireHeaderName(String name) {
        badCharacter(name, SettingType.TOKEN).ifPresent(bad -> {
            throw SettingType.Rejected.part("header name " + quoted(name) + " has " + bad + " — a header name is letters, digits and ! # $ % & ' * + - . ^ _ ` | ~");
        });
    }

    /** RFC 9110 §5.5: visible characters, spaces and tabs; ASCII only, since clients and proxies mangle the rest. */
    static void requireHeaderValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || (c < 0x20 && c != '\t') || c == 0x7f) {
                throw SettingType.Rejected.part("the value of header " + name + " has " + describe(c) + ", which a header value cannot carry");
            }
            if (c > 0x7e) {
                throw SettingType.Rejected.part("the value of header " + name + " has " + describe(c)
                        + ", which is not ASCII — HTTP clients send it as '?': give the value in ASCII");
            }
        }
    }

    /** The first character outside {@code allowed}, in words; empty when there is none. */
    static java.util.Optional<String> badCharacter(String text, Pattern allowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!allowed.matcher(String.valueOf(c)).matches()) {
                return java.util.Optional.of(describe(c));
            }
        }
        return java.util.Optional.empty();
    }

    static String describe(char c) {
        return switch (c) {
            case '\r' -> "a carriage return (CR)";
            case '\n' -> "a line feed (LF)";
            case '\t' -> "a tab";
            case ' ' -> "a space";
            default -> c < 0x20 || c == 0x7f ? String.format("a control character (U+%04X)", (int) c)
                    : c > 0x7e ? String.format("'%c' (U+%04X, not ASCII)", c, (int) c) : "'" + c + "'";
        };
    }

    /** The text as SettingType.JSON would quote it, so that a CR or LF shows as \r or \n on one line. */
    static String quoted(String text) {
        try {
            return SettingType.JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            return "'" + text + "'";
        }
    }

    /** A duration's text as people or ISO 8601 write it; null when it is neither. */
    static Duration durationOf(String text) {
        String trimmed = text.trim();
        Matcher m = SettingType.SIMPLE_DURATION.matcher(trimmed);
        if (m.matches()) {
            long n = Long.parseLong(m.group(2));
            Duration d = switch (m.group(3)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return m.group(1).isEmpty() ? d : d.negated();
        }
        try {
            return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code key=value,key2=value2}, order kept, each key once: an item without a key is refused in the words
     * {@code notAPair} gives it, each pair is checked by {@code check}, a key given twice is refused.
     */
    static Map<String, String> pairs(String text, String kindOfKey, Function<String, String> notAPair, BiConsumer<String, String> check) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String item : splitList(text)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw SettingType.Rejected.part(notAPair.apply(item));
            }
            String key = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            check.accept(key, value);
            if (pairs.put(key, value) != null) {
                throw SettingType.Rejected.part(kindOfKey + key + " is given twice");
            }
        }
        return pairs;
    }

    /** A JSON array of tenant strings, each a token sent as a header value, each once. */
    static List<String> tenantJsonArray(String text) {
        JsonNode array;
        try {
            array = SettingType.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw SettingType.Rejected.value("is not valid JSON (" + e.getOriginalMessage() + ") — write a JSON array such as '[\"default\",\"pilot-a\"]'");
        }
        if (array == null || !array.isArray()) {
            throw SettingType.Rejected.value("must be a JSON array of tenant strings, e.g. [\"default\",\"pilot-a\"]");
        }
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode entry = array.get(i);
            if (!entry.isTextual()) {
                throw SettingType.Rejected.part("entry " + (i + 1) + " (" + entry + ") is not a JSON string — write every tenant in quotes, e.g. [\"default\",\"pilot-a\"]");
            }
            tenants.add(entry.asText());
        }
        return tenants(tenants);
    }
}
