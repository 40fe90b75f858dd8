package com.bffaccounting.gate.helm;

import com.bffaccounting.gate.io.Sha256;
import com.bffaccounting.gate.model.ImageReference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --set} values of a render or deploy, in order. The pilot's are the checklist's Step 3:
 * the allowlist, image.repository and image.tag.
 */
public final class HelmValues {
    private final Map<String, String> values = new LinkedHashMap<>();

    /** An image by its tag. */
    public static HelmValues pilot(String allowlistJson, String repository, String tag) {
        return pilot(allowlistJson, ImageReference.parse(repository, tag));
    }

    /** A pinned image is deployed by its digest ({@code image.digest}): the tag then only names it. */
    public static HelmValues pilot(String allowlistJson, ImageReference image) {
        HelmValues values = new HelmValues()
                .set("env.OS_TENANT_ALLOWLIST_JSON", allowlistJson)
                .set("image.repository", image.registry() + "/" + image.repository())
                .set("image.tag", image.tag());
        image.pinnedDigest().ifPresent(digest -> values.set("image.digest", digest));
        return values;
    }

    public HelmValues set(String key, String value) {
        values.put(key, value);
        return this;
    }

    /** More values ({@code helm.set}), after the ones already set. */
    public HelmValues setAll(Map<String, String> more) {
        values.putAll(more);
        return this;
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * {@code sha256:…} of the values as Helm gets them, in a canonical order (key=value lines, sorted): the
     * attestation names the values without holding them (an allowlist, a {@code helm.set} may be private).
     */
    public String digest() {
        return "sha256:" + Sha256.hex(new java.util.TreeMap<>(values).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue() + "\n").collect(java.util.stream.Collectors.joining()));
    }

    public String get(String key) {
        return values.get(key);
    }
}
