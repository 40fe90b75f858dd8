package com.bffaccounting.gate.sut;

import com.bffaccounting.gate.config.ConfigException;
import com.bffaccounting.gate.config.Env;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.http.PlainHttp;
import com.bffaccounting.gate.io.Executables;
import com.bffaccounting.gate.kube.KubeClient;
import com.bffaccounting.gate.kube.KubeErrors;
import com.bffaccounting.gate.kube.KubeconfigFiles;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks made before anything touches a cluster: the kubeconfig parses and has the requested context,
 * and that context is the one the run expects. A mismatch is a one-line setting error and nothing is
 * sent to any cluster.
 */
public final class Preflight {
    private Preflight() {
    }

    /**
     * For {@code PrepareRun}: the kubeconfig and its context (no network), and that a configured
     * Prometheus answers — a mistyped URL is a setting error, not nine inconclusive checks.
     */
    public static void check(Settings settings) {
        chartIsThere(Path.of(settings.artifacts.chartPath()));
        settings.gate.baseline().filter(b -> !Files.isReadable(b)).ifPresent(b -> {
            throw new ConfigException("verdict.baseline: no readable file at " + b.toAbsolutePath()
                    + " — give the verdict.json of an earlier run (e.g. the previous tag's reports artifact)");
        });
        if (settings.env == Env.SIM && settings.prometheus.required() && settings.prometheus.binary().isEmpty()
                && Executables.onPath("prometheus").isEmpty()) {
            throw new ConfigException("prometheus.required: true, but there is no prometheus binary on PATH — apt-get install prometheus");
        }
        if (settings.env == Env.LOCAL && settings.bff.command().isPresent() && settings.bff.image().isEmpty()) {
            bffCanStart(settings.bff.command().get(), settings.bff.workdir(), settings.bff.url());
        }
        settings.prometheus.url().ifPresent(url -> prometheusAnswers(url, settings.prometheus.queryTimeout()));
        if (settings.env == Env.CLUSTER) {
            try {
                KubeconfigFiles.Loaded kubeconfig = KubeconfigFiles.load(settings.cluster.kubeconfigFiles());
                contextOf(settings, kubeconfig.yaml(), kubeconfig.source()).forEach(w -> System.err.println("[release-gate] warning: " + w));
            } catch (KubeErrors.KubeconfigException e) {
                throw new ConfigException(e.getMessage());
            }
        } else if (settings.env == Env.SIM) {
            SimTargets.preflight(settings);
        }
    }

    /** C5.2 and every deploy need the chart: a path without Chart.yaml is a typo, not 38 skipped checks. */
    static void chartIsThere(Path chart) {
        if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new ConfigException("chart.path: no Chart.yaml in " + chart.toAbsolutePath()
                    + " — point -Dchart.path at the chart's directory (default charts/bff-accounting)");
        }
    }

    /**
     * What starting the BFF needs, checked before anything starts: its working directory, its program,
     * and a free port — otherwise the suite would time out against whatever already listens there.
     */
    static void bffCanStart(String command, Path workdir, URI url) {
        if (!Files.isDirectory(workdir)) {
            throw new ConfigException("bff.workdir: " + workdir.toAbsolutePath() + " is not a directory — the BFF's"
                    + " package directory, e.g. -Dbff.workdir=packages/bff-accounting");
        }
        String program = programOf(command);
        boolean found = program.contains("/") ? Files.isExecutable(workdir.resolve(program))
                : Executables.onPath(program).isPresent();
        if (!found) {
            throw new ConfigException("bff.command: '" + program + "' is not an executable "
                    + (program.contains("/") ? "in " + workdir.toAbsolutePath() : "on PATH") + " — install it, or give its full path");
        }
        int port = url.getPort() > 0 ? url.getPort() : 8081;
        try (ServerSocket socket = new ServerSocket()) {
            // as Node listens: with address reuse, so that a port whose last connections linger in TIME-WAIT (a run
            // that ended a minute ago) is free, and only a listener makes it taken
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(url.getHost(), port));
        } catch (IOException e) {
            throw new ConfigException("bff.url: port " + port + " on " + url.getHost() + " is already in use"
                    + ownerOf(port).map(o -> " (by " + o + ")").orElse("") + ", so the BFF the suite starts could not listen there"
                    + " — stop what listens on it, or pick a free port: -Dbff.url=http://localhost:18081");
        }
    }

    /** The process listening on {@code port}, where the OS tells ({@code ss -ltnp}); empty otherwise. */
    static Optional<String> ownerOf(int port) {
        Optional<Path> ss = Executables.onPath("ss");
        if (ss.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(ss.get().toString(), "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            Matcher m = Pattern.compile("\\(\"([^\"]+)\",pid=(\\d+)").matcher(out);
            return m.find() ? Optional.of(m.group(1) + ", pid " + m.group(2)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The program a shell would run for {@code command}: its first word after any {@code NAME=value} assignments. */
    static String programOf(String command) {
        for (String word : command.trim().split("\\s+")) {
            if (!word.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                return word.replaceAll("^['\"]|['\"]$", "");
            }
        }
        return command.trim();
    }

    static void prometheusAnswers(URI url, Duration timeout) {
        try {
            PlainHttp.Reply response = PlainHttp.get(url.resolve("/api/v1/status/buildinfo"), Map.of(), timeout);
            if (response.status() != 200 || !response.body().contains("\"success\"")) {
                throw new ConfigException("prometheus.url: " + url + " answered " + response.status()
                        + " to /api/v1/status/buildinfo — is it the Prometheus server's base URL?");
            }
        } catch (IOException e) {
            throw new ConfigException("prometheus.url: " + url + " did not answer (" + e.getClass().getSimpleName()
                    + ") — check the URL, or port-forward: kubectl port-forward -n monitoring svc/prometheus 9090");
        }
    }

    /**
     * The kubeconfig checked for the configured context (files, exec plugins, the expected context), without
     * building a client: the preflight sends nothing and starts no thread that could outlive it.
     *
     * @return one line per warning (TLS verification skipped, a token over plain http)
     */
    static List<String> contextOf(Settings settings, String kubeconfig, String source) {
        List<String> warnings = KubeconfigFiles.check(kubeconfig, source, settings.cluster.context());
        String context = KubeClient.contextOf(kubeconfig, source, settings.cluster.context());
        if (settings.cluster.expectedContext().isPresent() && !settings.cluster.expectedContext().get().equals(context)) {
            throw ConfigException.wrongContext(settings.cluster.expectedContext().get(), context, source);
        }
        return warnings;
    }

    /** A client for the configured context, refused when it is not the expected one. */
    static KubeClient kubeClient(Settings settings, String kubeconfig, String source) {
        try {
            contextOf(settings, kubeconfig, source);
            return KubeClient.fromKubeconfig(kubeconfig, source, settings.cluster.context(),
                    (int) settings.cluster.requestTimeout().toMillis(), settings.cluster.writesAllowed());
        } catch (KubeErrors.KubeconfigException e) {
            throw new ConfigException(e.getMessage());
        }
    }

}
