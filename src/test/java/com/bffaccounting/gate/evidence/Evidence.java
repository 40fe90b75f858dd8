package com.bffaccounting.gate.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Per-scenario evidence: what a check saw (HTTP exchanges, the metric series, log lines), gathered
 * while it runs and attached to the report when the scenario does not pass. Everything is redacted
 * on the way in, so no attachment can carry a configured secret.
 */
public final class Evidence {
    public record Item(String name, String mediaType, Supplier<String> content) {
    }

    private final Redactor redactor;
    private final List<Item> items = new ArrayList<>();

    /** The run's redactor comes by constructor injection (run.RunScopeProvider). */
    public Evidence(Redactor redactor) {
        this.redactor = redactor;
    }

    public static Evidence redactingWith(Redactor redactor) {
        return new Evidence(redactor);
    }

    /** Adds evidence whose text is built only if it is attached (a 1,000-tenant probe is cheap to skip). */
    public void add(String name, Supplier<String> content) {
        items.add(new Item(name, "text/plain", () -> redactor.redact(content.get())));
    }

    public List<Item> items() {
        return List.copyOf(items);
    }
}
