package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.config.ConfigException;
import com.bffaccounting.gate.config.SettingSource;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.sut.Preflight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** C2.2, C3.2 and the "errors for people" rule: a bad kubeconfig or context stops the run in one line, before any request. */
class PreflightTest {
    @TempDir
    Path dir;

    private Settings settings(Map<String, String> values) {
        Properties system = new Properties();
        system.putAll(values);
        return Settings.from(new SettingSource(system, Map.of(), new Properties()));
    }

    private Path kubeconfig(String context) throws Exception {
        Path file = dir.resolve("config");
        // a closed port: preflight must never need the network
        Files.writeString(file, "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:1\n"
                + "contexts:\n- name: " + context + "\n  context:\n    cluster: c\n    user: u\ncurrent-context: " + context
                + "\nusers:\n- name: u\n  user:\n    token: t0ken-value\n");
        return file;
    }

    @Test
    void aMissingKubeconfigIsOneLineWithWhatToDo() {
        Settings s = settings(Map.of("env", "cluster", "kubeconfig", dir.resolve("nope").toString()));
        assertThatThrownBy(() -> Preflight.check(s))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kubeconfig: no readable kubeconfig at")
                .hasMessageContaining("-Denv=local")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aContextOtherThanTheExpectedOneIsRefused() throws Exception {
        Settings s = settings(Map.of("env", "cluster", "kubeconfig", kubeconfig("kind-dev").toString(),
                "cluster.expectedContext", "pilot-prod"));
        assertThatThrownBy(() -> Preflight.check(s)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cluster.expectedContext: 'pilot-prod' expected, but")
                .hasMessageContaining("selects context 'kind-dev'")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aContextTheKubeconfigDoesNotHaveIsRefused() throws Exception {
        Settings s = settings(Map.of("env", "cluster", "kubeconfig", kubeconfig("kind-dev").toString(), "cluster.context", "other"));
        assertThatThrownBy(() -> Preflight.check(s)).isInstanceOf(ConfigException.class).hasMessageContaining("other");
    }

    @Test
    void theExpectedContextPasses() throws Exception {
        Preflight.check(settings(Map.of("env", "cluster", "kubeconfig", kubeconfig("pilot-prod").toString(),
                "cluster.expectedContext", "pilot-prod")));
    }

    @Test
    void anInvalidImageReferenceIsOneLine() {
        assertThatThrownBy(() -> settings(Map.of("image.repository", "ghcr.io/Owner/App")))
                .hasMessageContaining("must be lower case")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aPrometheusUrlThatDoesNotAnswerIsOneLine() {
        Settings s = settings(Map.of("env", "local", "prometheus.url", "http://127.0.0.1:1"));
        assertThatThrownBy(() -> Preflight.check(s)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("prometheus.url: http://127.0.0.1:1 did not answer")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aChartPathWithoutChartYamlIsOneLine() {
        Settings s = settings(Map.of("chart.path", dir.resolve("nonexistent").toString()));
        assertThatThrownBy(() -> Preflight.check(s)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("chart.path: no Chart.yaml in")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aBffCommandIsCheckedBeforeAnythingStarts() throws Exception {
        assertThatThrownBy(() -> Preflight.check(settings(Map.of("env", "local", "bff.command", "node dist/index.js",
                "bff.workdir", dir.resolve("no-such-dir").toString()))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("bff.workdir: ");
        assertThatThrownBy(() -> Preflight.check(settings(Map.of("env", "local", "bff.command", "PORT=1 no-such-program-xyz --flag",
                "bff.workdir", dir.toString()))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("bff.command: 'no-such-program-xyz' is not an executable on PATH");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Preflight.check(settings(Map.of("env", "local", "bff.command", "sh -c 'exit 0'",
                    "bff.workdir", dir.toString(), "bff.url", "http://127.0.0.1:" + taken.getLocalPort()))))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("bff.url: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
        }
    }

    /** A port whose last connection lingers in TIME-WAIT is free: the BFF (Node, with address reuse) can listen on it. */
    @Test
    void aPortInTimeWaitIsNotTaken() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            try (java.net.Socket client = new java.net.Socket(InetAddress.getLoopbackAddress(), port);
                 java.net.Socket accepted = server.accept()) {
                accepted.close(); // the side that closes first keeps the connection in TIME-WAIT, on the server's port
                client.getInputStream().read();
            }
        }
        int free = port;
        Preflight.check(settings(Map.of("env", "local", "bff.command", "sh -c 'exit 0'", "bff.workdir", dir.toString(),
                "bff.url", "http://127.0.0.1:" + free)));
    }

    @Test
    void anUnknownFaultOfTheSimulatorIsOneLineBeforeAnythingStarts() {
        assertThatThrownBy(() -> Preflight.check(settings(Map.of("env", "sim", "sim.faults", "gating-of,gating-off"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("sim.faults: [gating-of] is not a known fault")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }
}
