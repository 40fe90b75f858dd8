package com.bffaccounting.gate.evidence;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets before text leaves the process (report attachments, verdict.json, console). It
 * knows the configured secret values, and also masks by shape what nobody configured: passwords in
 * URLs, bearer tokens, and values of secret-looking headers.
 */
public final class Redactor {
    public static final String MASK = "***";
    static final int MIN_FREE_TEXT_SECRET = 6;
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/\\s:@]+:)([^@\\s/]+)(@)");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    /** Header names whose values are secrets wherever they appear or are configured. */
    private static final Pattern SECRET_HEADER = Pattern.compile(
            "(?i)authorization|proxy-authorization|cookie|set-cookie|.*api[-_]?key.*|.*token.*|.*secret.*|.*password.*");
    private static final Pattern HEADER_LINE = Pattern.compile("(?im)^([A-Za-z0-9-]+)(\\s*[:=]\\s*)(.+)$");

    private final List<String> secrets;

    public Redactor(Collection<String> secrets) {
        // Longest first, so that a secret containing another is masked whole. Values shorter than
        // MIN_FREE_TEXT_SECRET are not replaced in free text: the default database password "app"
        // would mask every "app" in an image name. Those stay masked by shape (URL user info, secret
        // header names), which is where such values appear.
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= MIN_FREE_TEXT_SECRET)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static boolean isSecretHeader(String name) {
        return SECRET_HEADER.matcher(name).matches();
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        result = URL_PASSWORD.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
        result = BEARER.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        Matcher m = HEADER_LINE.matcher(result);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement = isSecretHeader(m.group(1)) ? m.group(1) + m.group(2) + MASK : m.group(0);
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The value to show for a header: masked when its name says it is a secret. */
    public String headerValue(String name, String value) {
        return isSecretHeader(name) ? MASK : redact(value);
    }

    /** {@code postgres://app:secret@db/app} → {@code postgres://app:***@db/app}; for one-line error messages. */
    public static String maskUserInfo(String url) {
        return URL_PASSWORD.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
    }
}
