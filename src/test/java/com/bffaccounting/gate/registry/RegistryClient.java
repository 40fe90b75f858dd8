package com.bffaccounting.gate.registry;

import com.bffaccounting.gate.http.PlainHttp;
import com.bffaccounting.gate.model.ImageReference;
import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.outcome.CheckFailed;
import com.bffaccounting.gate.outcome.Inconclusive;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves an image tag through the OCI distribution API as {@code docker pull} would: ask {@code /v2/}
 * which token service to use, get a pull token (anonymous, or with credentials), then
 * {@code HEAD /v2/<repository>/manifests/<tag>} with the OCI and Docker manifest types; the digest is
 * in {@code Docker-Content-Digest}. Answers are told apart: no pull access, tag missing, unreachable.
 */
public final class RegistryClient {
    static final String ACCEPT = String.join(", ",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json");
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Outcome { FOUND, NOT_FOUND, NO_PULL_ACCESS, UNREACHABLE, ERROR }

    /** What the registry said, with a sentence for people. */
    public record Resolution(Outcome outcome, String digest, String message) {
        public boolean found() {
            return outcome == Outcome.FOUND;
        }

        /** The registry did not give a usable answer: infrastructure, never a verdict on the image. */
        public boolean infrastructure() {
            return outcome == Outcome.UNREACHABLE || outcome == Outcome.ERROR;
        }

        /** C2.4: returns when the registry grants pull access; FAIL when it refuses, INCONCLUSIVE when it cannot say. */
        public void requirePullAccess() {
            if (outcome == Outcome.NO_PULL_ACCESS) {
                throw new CheckFailed("GHCR pull access: " + message);
            }
            if (infrastructure()) {
                throw new Inconclusive(message);
            }
        }

        /** A tag found at another digest than the release pins: it has moved since the release was built. */
        public boolean movedFrom(ImageReference image) {
            return found() && image.pinnedDigest().filter(pinned -> !pinned.equals(digest)).isPresent();
        }

        /**
         * C4.1: the digest; FAIL when the tag is absent or, for a pinned image, resolves to another digest;
         * INCONCLUSIVE when the registry cannot say.
         */
        public String requireDigest(ImageReference image) {
            switch (outcome) {
                case FOUND:
                    if (movedFrom(image)) {
                        throw new CheckFailed(movedMessage(image));
                    }
                    return digest;
                case NOT_FOUND:
                    throw new CheckFailed("image check: " + message);
                case NO_PULL_ACCESS:
                    // Whether the tag exists cannot be told without pull access; that failure is the access check's.
                    throw new Inconclusive("cannot tell whether " + image + " exists: " + message);
                default:
                    throw new Inconclusive("cannot tell whether " + image + " exists: " + message);
            }
        }

        /** "tag r7-h… of ghcr.io/… resolves to sha256:aaa, not to the pinned sha256:bbb (image.digest): the tag has moved". */
        public String movedMessage(ImageReference image) {
            return "tag " + image.tag() + " of " + image.registry() + "/" + image.repository() + " resolves to " + digest
                    + ", not to the pinned " + image.digest() + " (image.digest): the tag has moved since the release was pinned";
        }
    }

    private final URI baseUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Duration timeout;

    /** @param baseUrl the registry's API root, e.g. https://ghcr.io (a setting, so tests can aim it elsewhere) */
    public RegistryClient(URI baseUrl, Optional<String> username, Optional<String> password, Duration timeout) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
        this.timeout = timeout;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Resolution resolve(ImageReference image) {
        String where = image + " at " + baseUrl;
        try {
            Optional<String> token = pullToken(image);
            Map<String, String> headers = new LinkedHashMap<>(Map.of("Accept", ACCEPT));
            token.ifPresent(t -> headers.put("Authorization", "Bearer " + t));
            PlainHttp.Reply response = PlainHttp.send("HEAD", baseUrl.resolve("/v2/" + image.repository() + "/manifests/" + image.tag()),
                    headers, null, timeout);
            switch (response.status()) {
                case 200:
                    String digest = response.header("Docker-Content-Digest").orElse(null);
                    if (digest == null) {
                        return new Resolution(Outcome.ERROR, null, "the registry found " + where
                                + " but sent no Docker-Content-Digest header");
                    }
                    return new Resolution(Outcome.FOUND, digest, image + " exists: " + digest);
                case 404:
                    return new Resolution(Outcome.NOT_FOUND, null, "tag " + image.tag() + " not found in " + image.registry()
                            + "/" + image.repository() + " (registry answered 404)");
                case 401:
                case 403:
                    return new Resolution(Outcome.NO_PULL_ACCESS, null, "no pull access to " + where + " (registry answered "
                            + response.status() + (username.isPresent() ? " with the configured credentials)" : " to an anonymous token; set registry.username/registry.password)"));
                default:
                    return new Resolution(Outcome.ERROR, null, "the registry at " + baseUrl + " answered "
                            + response.status() + " for " + image + ", which says nothing about the tag");
            }
        } catch (NoPullAccess e) {
            return new Resolution(Outcome.NO_PULL_ACCESS, null, e.getMessage());
        } catch (IOException e) {
            return new Resolution(Outcome.UNREACHABLE, null, "no answer from the registry at " + baseUrl + " ("
                    + Causes.describe(e) + ") — check the network path to it, or registry.url");
        }
    }

    /** The bearer token {@code /v2/} asks for, if it asks for one (the registry's own challenge names the token service). */
    Optional<String> pullToken(ImageReference image) throws IOException {
        PlainHttp.Reply ping = PlainHttp.get(baseUrl.resolve("/v2/"), Map.of(), timeout);
        if (ping.status() != 401) {
            return Optional.empty();
        }
        Map<String, String> challenge = parseChallenge(ping.header("WWW-Authenticate").orElse(""));
        String realm = challenge.get("realm");
        if (realm == null) {
            throw new NoPullAccess("the registry at " + baseUrl + " wants authentication but names no token service");
        }
        String query = "scope=" + URLEncoder.encode("repository:" + image.repository() + ":pull", StandardCharsets.UTF_8)
                + (challenge.containsKey("service") ? "&service=" + URLEncoder.encode(challenge.get("service"), StandardCharsets.UTF_8) : "");
        Map<String, String> headers = new LinkedHashMap<>();
        if (username.isPresent() && password.isPresent()) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (username.get() + ":" + password.get()).getBytes(StandardCharsets.UTF_8)));
        }
        PlainHttp.Reply tokenResponse = PlainHttp.get(URI.create(realm + (realm.contains("?") ? "&" : "?") + query), headers, timeout);
        if (tokenResponse.status() == 401 || tokenResponse.status() == 403) {
            throw new NoPullAccess("no pull access to " + image + ": the token service answered " + tokenResponse.status());
        }
        if (tokenResponse.status() != 200) {
            throw new IOException("token service " + realm + " answered " + tokenResponse.status());
        }
        JsonNode body = JSON.readTree(tokenResponse.body());
        String token = body.path("token").asText(body.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new IOException("token service " + realm + " returned no token");
        }
        return Optional.of(token);
    }

    static Map<String, String> parseChallenge(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = CHALLENGE_PARAM.matcher(header);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        return params;
    }

    private static final class NoPullAccess extends IOException {
        NoPullAccess(String message) {
            super(message);
        }
    }
}
