package com.bffaccounting.gate.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run learned about its target (env, BFF endpoint, kube context, Helm version, image digest),
 * for the Allure environment widget, verdict.json and the console summary. Facts are plain strings and
 * pass through redaction before they are written anywhere.
 *
 * <p>The verdict plugin reads them after the last scenario, when the glue's run scope has closed, which
 * is why they live in this process-wide holder rather than in a scenario object.
 */
public final class RunFacts {
    private static final Map<String, String> FACTS = Collections.synchronizedMap(new LinkedHashMap<>());

    private RunFacts() {
    }

    public static void put(String key, String value) {
        FACTS.put(key, value);
    }

    public static Map<String, String> snapshot() {
        synchronized (FACTS) {
            return Map.copyOf(new LinkedHashMap<>(FACTS));
        }
    }

    public static void clear() {
        FACTS.clear();
    }
}
