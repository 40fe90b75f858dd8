package com.bffaccounting.gate.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference by the OCI distribution grammar: {@code registry/path/name:tag}. Repository paths
 * must be lower case — the seed checklist's own {@code ..._APP/bff-accounting} is not a valid reference —
 * and a malformed reference is a clear error, never a "not found".
 */
public record ImageReference(String registry, String repository, String tag) {
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DOMAIN = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]+)?");

    public static ImageReference parse(String repositoryWithRegistry, String tag) {
        String ref = repositoryWithRegistry + ":" + tag;
        int slash = repositoryWithRegistry.indexOf('/');
        if (slash < 0) {
            throw new InvalidImageReference(ref, "no registry host (expected e.g. ghcr.io/owner/name)");
        }
        String registry = repositoryWithRegistry.substring(0, slash);
        String path = repositoryWithRegistry.substring(slash + 1);
        if (!DOMAIN.matcher(registry).matches() || !(registry.contains(".") || registry.contains(":") || registry.equals("localhost"))) {
            throw new InvalidImageReference(ref, "'" + registry + "' is not a registry host");
        }
        for (String component : path.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                String hint = COMPONENT.matcher(component.toLowerCase(Locale.ROOT)).matches()
                        ? " — repository names must be lower case: use '" + component.toLowerCase(Locale.ROOT) + "'"
                        : "";
                throw new InvalidImageReference(ref, "path component '" + component + "' is not valid" + hint);
            }
        }
        if (!TAG.matcher(tag).matches()) {
            throw new InvalidImageReference(ref, "tag '" + tag + "' is not valid (letters, digits, _ . -, at most 128)");
        }
        return new ImageReference(registry, path, tag);
    }

    @Override
    public String toString() {
        return registry + "/" + repository + ":" + tag;
    }

    public static final class InvalidImageReference extends IllegalArgumentException {
        public InvalidImageReference(String reference, String problem) {
            super("invalid image reference '" + reference + "': " + problem);
        }
    }
}
