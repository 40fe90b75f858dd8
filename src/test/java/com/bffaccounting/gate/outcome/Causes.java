package com.bffaccounting.gate.outcome;

import com.bffaccounting.gate.config.SettingReader;
import com.bffaccounting.gate.config.SettingsCatalog;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * What went wrong, in words a person reads: the innermost cause, named by what it means ("connection
 * refused", "timed out") rather than by its Java class. {@code -Ddebug=true} adds the class names and
 * the whole cause chain, for whoever debugs the suite.
 */
public final class Causes {
    private Causes() {
    }

    /**
     * "cannot read kubeconfig /x: no such file: /x", "connection refused" — one line, no class names: the
     * outermost message someone wrote for it, then what the innermost cause means.
     */
    public static String describe(Throwable error) {
        if (SettingReader.ofProcess(SettingsCatalog.DEBUG)) {
            return chain(error);
        }
        String root = rootMeaning(error);
        String outer = error.getCause() == null ? null : ownMessage(error);
        return outer == null || outer.contains(root) ? root : outer + ": " + root;
    }

    /** A wrapper's message, unless it only repeats its cause ("java.net.ConnectException: …"). */
    private static String ownMessage(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank() || message.equals("An error has occurred.")
                || (error.getCause() != null && message.equals(error.getCause().toString()))
                || message.matches("^[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z]\\w*(Exception|Error).*")) {
            return null;
        }
        return oneLine(message);
    }

    /**
     * What the cause means: the first cause in the chain, outermost first, of a kind with a known meaning
     * (a client may wrap a refused connection as ConnectException over another exception);
     * otherwise the innermost message.
     */
    private static String rootMeaning(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String known = knownMeaning(t);
            if (known != null) {
                return known;
            }
        }
        Throwable root = root(error);
        String message = root.getMessage() == null ? "" : oneLine(root.getMessage());
        if (message.isEmpty()) {
            // A bare exception says nothing by its message; the nearest wrapper usually does.
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t.getMessage() != null && !t.getMessage().isBlank()) {
                    return oneLine(t.getMessage());
                }
            }
            return "an unexpected error without a message (run with -Ddebug=true for details)";
        }
        return message;
    }

    private static String knownMeaning(Throwable t) {
        String message = t.getMessage() == null ? "" : oneLine(t.getMessage());
        if (t instanceof ConnectException || message.toLowerCase().contains("connection refused")) {
            return "connection refused";
        }
        if (t instanceof SocketTimeoutException && message.equalsIgnoreCase("connect timed out")) {
            return "connection timed out";
        }
        if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
            return "timed out" + (message.isEmpty() || message.equalsIgnoreCase("timed out") ? "" : " (" + message + ")");
        }
        if (t instanceof UnknownHostException) {
            return "unknown host " + message;
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (t instanceof SSLException) {
            return "TLS failed: " + tlsMeaning(t);
        }
        if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
            return "no such file: " + message;
        }
        return null;
    }

    /** Whether the error means "nothing answered" (as opposed to an answer the check did not like). */
    /**
     * What a failed TLS handshake means, told apart as a person fixes them: a CA not trusted, a certificate
     * for another host, an expired certificate, a client certificate the server refused. The JDK says each in
     * its own words somewhere down the chain.
     */
    static String tlsMeaning(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(' ').append(t.getClass().getSimpleName()).append(' ').append(t.getMessage());
        }
        String chain = all.toString();
        if (chain.contains("CertificateExpiredException") || chain.contains("NotAfter") || chain.contains("validity check failed")) {
            return "the server's certificate has expired — renew it, or check this machine's clock";
        }
        if (chain.contains("No subject alternative") || chain.contains("No name matching")) {
            return "the server's certificate is not for this host name (" + firstMatch(chain, "No (?:subject alternative (?:DNS )?names?|name) matching (?:IP address )?[^ ]+")
                    + ") — use the host name the certificate names, or a certificate for this one";
        }
        if (chain.contains("PKIX path building failed") || chain.contains("unable to find valid certification path")
                || chain.contains("PKIX path validation failed")) {
            return "the server's certificate is not signed by a CA this client trusts — for a kubeconfig, give the cluster's"
                    + " certificate-authority-data (never insecure-skip-tls-verify)";
        }
        if (chain.contains("bad_certificate") || chain.contains("certificate_required") || chain.contains("unknown_ca")
                || chain.contains("certificate_unknown") || chain.contains("access_denied")) {
            return "the server rejected the client certificate (" + firstMatch(chain, "Received fatal alert: \\w+")
                    + ") — renew it, or check that it is the one the kubeconfig's user names";
        }
        return oneLine(error.getMessage() == null ? "handshake failed" : error.getMessage());
    }

    private static String firstMatch(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        return m.find() ? m.group().trim() : "";
    }

    /** Whether the cause is a failed TLS handshake. */
    public static boolean tlsFailed(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the cause is a timeout: something answered the connection, or would have, but not in time. */
    public static boolean timedOut(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase();
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException || t instanceof java.net.http.HttpTimeoutException
                    || message.contains("timed out") || message.contains("timeout period")) {
                return true;
            }
        }
        return false;
    }

    public static boolean noAnswer(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase();
            if (t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException || t instanceof TimeoutException
                    || t instanceof ClosedChannelException || message.contains("connection refused")
                    || message.contains("timed out") || message.contains("connection reset") || message.contains("failed to connect")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable root(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String chain(Throwable error) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            parts.add(t.getClass().getName() + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage())));
        }
        return String.join(" <- caused by ", parts);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
