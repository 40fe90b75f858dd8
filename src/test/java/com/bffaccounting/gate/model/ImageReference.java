package com.bffaccounting.gate.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference by the OCI distribution grammar: {@code registry/path/name:tag}, optionally pinned to a
 * content digest ({@code …:tag@sha256:…}). Repository paths must be lower case — the seed checklist's own
 * {@code ..._APP/bff-accounting} is not a valid reference — and a malformed reference is a clear error,
 * never a "not found".
 *
 * @param digest the manifest digest the release pins, or null: a pinned image is deployed and compared by it
 */
public record ImageReference(String registry, String repository, String tag, String digest) {
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DOMAIN = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]+)?");
    /** OCI image-spec: {@code algorithm:encoded}; the registered algorithms have fixed lengths of lower-case hex. */
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");
    private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");
    private static final Pattern SHA512 = Pattern.compile("sha512:[a-f0-9]{128}");

    /** {@code repository} may carry its digest ({@code ghcr.io/o/n@sha256:…}); the tag is the release tag. */
    public static ImageReference parse(String repositoryWithRegistry, String tag) {
        String ref = repositoryWithRegistry + ":" + tag;
        Repository repository = repositoryOf(repositoryWithRegistry, ref);
        if (!TAG.matcher(tag).matches()) {
            throw new InvalidImageReference(ref, "tag '" + tag + "' is not valid (letters, digits, _ . -, at most 128)");
        }
        return new ImageReference(repository.registry(), repository.path(), tag, repository.digest());
    }

    /** A whole reference as a Pod spec carries it: {@code registry/path:tag}, {@code registry/path:tag@sha256:…}. */
    public static ImageReference parseReference(String reference) {
        int at = reference.indexOf('@');
        String named = at < 0 ? reference : reference.substring(0, at);
        int colon = named.lastIndexOf(':');
        if (colon < 0 || colon < named.lastIndexOf('/')) {
            throw new InvalidImageReference(reference, "no tag (expected e.g. ghcr.io/owner/name:tag)");
        }
        ImageReference parsed = parse(named.substring(0, colon), named.substring(colon + 1));
        return at < 0 ? parsed : parsed.pinnedTo(requireDigest(reference.substring(at + 1)));
    }

    /** Checks a repository with its registry (and an optional {@code @digest}), by the same grammar. */
    public static void parseRepository(String repositoryWithRegistry) {
        repositoryOf(repositoryWithRegistry, repositoryWithRegistry);
    }

    /** The pinned digest of a repository setting, if it carries one. */
    public static Optional<String> digestIn(String repositoryWithRegistry) {
        int at = repositoryWithRegistry.indexOf('@');
        return at < 0 ? Optional.empty() : Optional.of(repositoryWithRegistry.substring(at + 1));
    }

    /** The repository without a digest it may carry. */
    public static String withoutDigest(String repositoryWithRegistry) {
        int at = repositoryWithRegistry.indexOf('@');
        return at < 0 ? repositoryWithRegistry : repositoryWithRegistry.substring(0, at);
    }

    public static void requireTag(String tag) {
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("'" + tag + "' is not a valid tag (letters, digits, _ . -, at most 128, not starting with . or -)");
        }
    }

    /** A digest by the OCI grammar; sha256 and sha512 with their exact lengths. */
    public static String requireDigest(String digest) {
        boolean known = digest.startsWith("sha256:") || digest.startsWith("sha512:");
        if (!DIGEST.matcher(digest).matches() || (known && !SHA256.matcher(digest).matches() && !SHA512.matcher(digest).matches())) {
            throw new IllegalArgumentException("'" + digest + "' is not a digest — write sha256: and 64 lower-case hex digits,"
                    + " as the registry shows it (docker buildx imagetools inspect IMAGE:TAG)");
        }
        return digest;
    }

    private record Repository(String registry, String path, String digest) {
    }

    private static Repository repositoryOf(String repositoryWithRegistry, String ref) {
        String digest = digestIn(repositoryWithRegistry).orElse(null);
        String repository = withoutDigest(repositoryWithRegistry);
        if (digest != null) {
            try {
                requireDigest(digest);
            } catch (IllegalArgumentException e) {
                throw new InvalidImageReference(ref, e.getMessage());
            }
        }
        int slash = repository.indexOf('/');
        if (slash < 0) {
            throw new InvalidImageReference(ref, "no registry host (expected e.g. ghcr.io/owner/name)");
        }
        String registry = repository.substring(0, slash);
        String path = repository.substring(slash + 1);
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
        return new Repository(registry, path, digest);
    }

    /** The same image, pinned to {@code digest}. */
    public ImageReference pinnedTo(String digest) {
        return new ImageReference(registry, repository, tag, digest);
    }

    public Optional<String> pinnedDigest() {
        return Optional.ofNullable(digest);
    }

    /** {@code registry/path:tag}, and {@code @digest} when pinned: what a Pod spec runs. */
    @Override
    public String toString() {
        return registry + "/" + repository + ":" + tag + (digest == null ? "" : "@" + digest);
    }

    public static final class InvalidImageReference extends IllegalArgumentException {
        public InvalidImageReference(String reference, String problem) {
            super("invalid image reference '" + reference + "': " + problem);
        }
    }
}
