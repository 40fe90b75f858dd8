package com.bffaccounting.gate.helm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --set} values of a render or deploy, in order. The pilot's are the checklist's Step 3:
 * the allowlist, image.repository and image.tag.
 */
public final class HelmValues {
    private final Map<String, String> values = new LinkedHashMap<>();

    public static HelmValues pilot(String allowlistJson, String repository, String tag) {
        return new HelmValues()
                .set("env.OS_TENANT_ALLOWLIST_JSON", allowlistJson)
                .set("image.repository", repository)
                .set("image.tag", tag);
    }

    public HelmValues set(String key, String value) {
        values.put(key, value);
        return this;
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public String get(String key) {
        return values.get(key);
    }
}
