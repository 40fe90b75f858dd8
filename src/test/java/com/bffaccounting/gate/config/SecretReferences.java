package com.bffaccounting.gate.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** How a setting references a secret instead of carrying it: {@code ${env:NAME}} and {@code ${file:PATH}}. */
final class SecretReferences {
    static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");

    private SecretReferences() {
    }

    /** {@code ${file:PATH}}: the file's content, one trailing newline dropped; unreadable is a setting error naming {@code key}. */
    static String fileContent(String key, String path) {
        try {
            String content = Files.readString(Path.of(path.trim()), StandardCharsets.UTF_8);
            return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (IOException e) {
            throw new ConfigException(key + ": ${file:" + path + "} cannot be read (" + (e instanceof NoSuchFileException
                    ? "no such file" : e.getMessage()) + ")");
        }
    }
}
