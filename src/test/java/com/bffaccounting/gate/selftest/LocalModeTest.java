package com.bffaccounting.gate.selftest;

import com.bffaccounting.gate.outcome.CheckStatus;
import com.bffaccounting.gate.io.Executables;
import com.bffaccounting.gate.local.BffContainers;
import com.bffaccounting.gate.sim.SimRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * C1.1, C8.1, C9.3: env=local with a BFF the suite starts itself (-Dbff.command) — here SimBff as a
 * separate Java process. The BFF checks run and pass, every cluster check is NOT_RUN with the reason,
 * and no BFF process outlives the run.
 */
class LocalModeTest {

    @Test
    void aBffStartedByTheSuiteIsCheckedThenStoppedAndClusterChecksSayWhyTheyDoNotRun() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String marker = "release-gate-local-" + UUID.randomUUID();
        String java = ProcessHandle.current().info().command().orElse("java");
        String command = "exec '" + java + "' -Dmarker=" + marker + " -cp '" + System.getProperty("java.class.path")
                + "' com.bffaccounting.gate.sim.SimBffMain";
        // GHCR is out of reach here: the registry checks talk to a SimRegistry holding the image
        FeatureRun run;
        try (SimRegistry registry = new SimRegistry()
                .hold("tristan00037-tristan050/tristan050-ai_ondevice_app/bff-accounting", "r7-h-pilot-20251203").start()) {
            run = FeatureRun.run("local-bff-command", Map.of("env", "local", "bff.command", command,
                    "bff.url", "http://127.0.0.1:" + port, "registry.url", registry.baseUrl().toString(),
                    "sim.faults", "", "deploy", "false", "rollback", "false"));
        }

        assertThat(run.failing()).as(run.describe()).isEmpty();
        for (String id : List.of("C1.1", "C8.1", "C9.3", "C11.1", "C11.2", "C11.3", "C11.4", "C12.1", "C12.2")) {
            assertThat(run.results()).as(id + "\n" + run.describe()).filteredOn(r -> r.checklistIds().contains(id))
                    .isNotEmpty().allMatch(r -> r.status() == CheckStatus.PASS);
        }
        for (String id : List.of("C3.1", "C3.3", "C5.3", "C6.1", "C7.1", "C13.1")) {
            assertThat(run.results()).as(id + "\n" + run.describe()).filteredOn(r -> r.checklistIds().contains(id))
                    .isNotEmpty().allSatisfy(r -> {
                        assertThat(r.status()).isEqualTo(CheckStatus.NOT_RUN);
                        assertThat(r.message()).isNotBlank();
                    });
        }
        assertThat(run.results()).filteredOn(r -> r.checklistIds().contains("C3.1"))
                .allSatisfy(r -> assertThat(r.message()).contains("needs a Kubernetes cluster"));
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker)).toList())
                .as("BFF processes left behind").isEmpty();
    }

    @Test
    void aLocalK3sWithoutDockerIsNotRunWithTheReason() {
        Assumptions.assumeFalse(BffContainers.dockerAvailable(),
                "a Docker engine is available here; this test is about machines without one");
        FeatureRun run = FeatureRun.run("local-k3s-no-docker", Map.of("env", "local", "local.cluster", "k3s",
                "sim.faults", "", "deploy", "false", "rollback", "false"));
        assertThat(run.results()).filteredOn(r -> r.checklistIds().contains("C3.1")).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.NOT_RUN);
                    assertThat(r.message()).contains("needs a Docker engine for -Dlocal.cluster=k3s");
                });
    }

    /**
     * A Node.js BFF started the way its team starts it, from its own repository: {@code node dist/index.js}
     * in {@code packages/bff-accounting}, the README's relative {@code bff.workdir} resolved against the
     * directory the suite was run from.
     */
    @Test
    void aNodeBffStartedFromItsOwnRepositoryWithARelativeWorkdir() throws Exception {
        Assumptions.assumeTrue(Executables.onPath("node").isPresent(),
                "no node on PATH: the Node.js BFF of src/test/resources/node-bff cannot be started");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path repository = Path.of("src/test/resources/node-bff").toAbsolutePath();
        String saved = System.getProperty("gate.invocationDir");
        System.setProperty("gate.invocationDir", repository.toString());
        FeatureRun run;
        try (SimRegistry registry = new SimRegistry()
                .hold("tristan00037-tristan050/tristan050-ai_ondevice_app/bff-accounting", "r7-h-pilot-20251203").start()) {
            run = FeatureRun.run("local-node-bff", Map.of("env", "local", "bff.command", "node dist/index.js",
                    "bff.workdir", "packages/bff-accounting", "bff.url", "http://127.0.0.1:" + port,
                    "registry.url", registry.baseUrl().toString(), "sim.faults", "", "deploy", "false", "rollback", "false"));
        } finally {
            if (saved == null) {
                System.clearProperty("gate.invocationDir");
            } else {
                System.setProperty("gate.invocationDir", saved);
            }
        }
        assertThat(run.failing()).as(run.describe()).isEmpty();
        assertThat(run.with(CheckStatus.INCONCLUSIVE)).as(run.describe()).isEmpty();
        for (String id : List.of("C1.1", "C8.1", "C11.1", "C11.2", "C11.3", "C11.4", "C12.1", "C12.2")) {
            assertThat(run.results()).as(id + "\n" + run.describe()).filteredOn(r -> r.checklistIds().contains(id))
                    .isNotEmpty().allMatch(r -> r.status() == CheckStatus.PASS);
        }
    }
}
