package com.bffaccounting.gate.outcome;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One thing a check saw, whatever its status: the line a person reads ({@code text}) and, when it is a
 * measurement or a named fact, what was measured ({@code name}), its {@code value} (a number or a word),
 * its {@code unit}, what it is about ({@code subject}: a source, a tenant, a pod, an endpoint) and what it
 * is held against ({@code limit}). Numeric observations are what "since the last release" compares.
 *
 * <p>Made with {@link #note}, {@link #fact} or {@link #measure}, then narrowed with {@link #of},
 * {@link #against} and {@link #says}: {@code measure("lag", 20, "s").of("bank-sbx").against(300)}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Observation(String text, String name, Object value, String unit, String subject, Object limit) {

    public Observation {
        if (value != null && !(value instanceof Number) && !(value instanceof String)) {
            throw new IllegalArgumentException("an observation's value is a number or a word, not " + value.getClass().getSimpleName());
        }
        if (limit != null && !(limit instanceof Number) && !(limit instanceof String)) {
            throw new IllegalArgumentException("an observation's limit is a number or a word, not " + limit.getClass().getSimpleName());
        }
        value = rounded(value);
        limit = rounded(limit);
        text = text == null || text.isBlank() ? spoken(name, value, unit, subject, limit) : text.strip();
    }

    /** Only words: "namespace accounting exists". */
    public static Observation note(String text) {
        return new Observation(Objects.requireNonNull(text), null, null, null, null, null);
    }

    /** A named value that is no measurement: the digest, the context, an alert's state. */
    public static Observation fact(String name, String value) {
        return new Observation(null, name, value, null, null, null);
    }

    /** A number with its unit (null for a count): a lag, a latency, a ready count. */
    public static Observation measure(String name, double value, String unit) {
        return new Observation(null, name, value, unit, null, null);
    }

    /** What it is about: a source, a tenant, a pod, an endpoint. */
    public Observation of(String subject) {
        return new Observation(textIfGiven(), name, value, unit, subject, limit);
    }

    /** What it is held against: 300 (s) for a lag, the expected context for the context. */
    public Observation against(Object limit) {
        return new Observation(textIfGiven(), name, value, unit, subject, limit);
    }

    /** The words a person reads, in place of the ones made from the measurement. */
    public Observation says(String text) {
        return new Observation(text, name, value, unit, subject, limit);
    }

    /** The value as a number, when it is one. */
    @JsonIgnore
    public OptionalDouble number() {
        return value instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    /** What identifies the same measurement in another run: its name and subject. */
    @JsonIgnore
    public Optional<String> key() {
        return name == null ? Optional.empty() : Optional.of(name + (subject == null ? "" : " " + subject));
    }

    /** Measurements keep three decimals: a lag of 20.08899998664856 s is 20.089 s in verdict.json. */
    private static Object rounded(Object value) {
        if (value instanceof Double d && Double.isFinite(d) && Math.abs(d) < 1e12) {
            return Math.round(d * 1000) / 1000.0;
        }
        return value;
    }

    /** A number as people write it: 20, 0.0123, 1.5 — never 20.0 or 1.2300000000000002. */
    public static String plain(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return String.valueOf(d);
            }
            return new BigDecimal(d).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** The value with its unit: "20 s", "97 %", "3". */
    public static String withUnit(Object value, String unit) {
        return plain(value) + (unit == null ? "" : (unit.equals("%") ? " %" : " " + unit));
    }

    private String textIfGiven() {
        return name != null && text.equals(spoken(name, value, unit, subject, limit)) ? null : text;
    }

    private static String spoken(String name, Object value, String unit, String subject, Object limit) {
        if (name == null) {
            throw new IllegalArgumentException("an observation needs words or a name");
        }
        return (subject == null ? "" : subject + " ") + name + (value == null ? "" : " " + withUnit(value, unit))
                + (limit == null ? "" : " (limit " + withUnit(limit, limit instanceof Number ? unit : null) + ")");
    }
}
