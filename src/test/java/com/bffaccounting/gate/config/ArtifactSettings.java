package com.bffaccounting.gate.config;

import com.bffaccounting.gate.model.ImageReference;

import java.util.Optional;

import static com.bffaccounting.gate.config.SettingsCatalog.IMAGE_DIGEST;
import static com.bffaccounting.gate.config.SettingsCatalog.IMAGE_REPOSITORY;
import static com.bffaccounting.gate.config.SettingsCatalog.IMAGE_TAG;
import static com.bffaccounting.gate.config.SettingsCatalog.ROLLBACK_TAG;

/**
 * What is released: the image (repository, the tag under test and the digest it may be pinned to, the tag
 * to roll back to) and the chart. Not to be confused with the Helm release it is deployed as
 * ({@link ClusterSettings#release()}).
 *
 * @param imageRepository the repository without a digest
 * @param digest          the pinned digest ({@code image.digest}, or {@code image.repository@sha256:…}): C4.1
 *                        requires the tag to resolve to it, and the image is deployed and compared by it
 */
public record ArtifactSettings(String imageRepository, String imageTag, Optional<String> digest, String rollbackTag,
                               String chartPath) {
    static ArtifactSettings read(SettingReader r) {
        String repository = r.get(IMAGE_REPOSITORY);
        Optional<String> inReference = ImageReference.digestIn(repository);
        Optional<String> digest = r.optional(IMAGE_DIGEST);
        if (inReference.isPresent() && digest.isPresent() && !inReference.equals(digest)) {
            r.error("image.digest: " + digest.get() + " differs from the digest in image.repository (" + inReference.get()
                    + ") — pin the image once");
        }
        return new ArtifactSettings(ImageReference.withoutDigest(repository), r.get(IMAGE_TAG), digest.or(() -> inReference),
                r.get(ROLLBACK_TAG), Settings.projectPath(r, SettingsCatalog.CHART_PATH).toString());
    }

    /** The image under test as a Pod spec runs it: {@code repository:tag}, and {@code @digest} when pinned. */
    public String image() {
        return reference().toString();
    }

    public ImageReference reference() {
        ImageReference tagged = ImageReference.parse(imageRepository, imageTag);
        return digest.map(tagged::pinnedTo).orElse(tagged);
    }

    /** The rollback target: the previous tag (a digest pins the tag under test only). */
    public ImageReference rollbackReference() {
        return ImageReference.parse(imageRepository, rollbackTag);
    }

    /** The image of {@code tag}: pinned when it is the tag under test. */
    public ImageReference referenceOf(String tag) {
        return tag.equals(imageTag) ? reference() : ImageReference.parse(imageRepository, tag);
    }
}
