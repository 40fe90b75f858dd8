package com.bffaccounting.gate.helm;

import com.bffaccounting.gate.io.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The chart's identity for the attestation: a sha256 over its files, the way Go's module checksums
 * (dirhash "h1") are made — one line {@code sha256(file)  path} per file, sorted by path, and the sha256 of
 * those lines. Not the sha256 of a packaged .tgz: Helm 3 stamps the time of packaging into every archive
 * entry, so the same chart never packs to the same bytes twice, and a digest no one can reproduce proves
 * nothing. This one anyone can recompute from the chart's sources.
 */
public final class ChartDigest {
    private ChartDigest() {
    }

    /** {@code sha256:…} of the chart directory's files (hidden files and .tgz dependencies' archives included). */
    public static String of(Path chart) {
        try (Stream<Path> files = Files.walk(chart)) {
            String lines = files.filter(Files::isRegularFile).sorted()
                    .map(file -> fileLine(chart, file)).collect(Collectors.joining());
            return "sha256:" + Sha256.hex(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chart " + chart, e);
        }
    }

    private static String fileLine(Path chart, Path file) {
        try {
            return Sha256.hex(Files.readAllBytes(file)) + "  " + chart.relativize(file).toString().replace('\\', '/') + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
