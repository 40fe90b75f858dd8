package com.bffaccounting.gate.local;

import com.bffaccounting.gate.logs.LogSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code -Dbff.image}: PostgreSQL and the BFF image on one throwaway Docker network (Testcontainers),
 * wired as the checklist's local run wires them. Needs a Docker engine; {@link #dockerAvailable()}
 * says whether there is one, so callers can report NOT_RUN instead of failing.
 */
public final class BffContainers implements AutoCloseable, LogSource {
    private static final int BFF_PORT = 8081;
    /** Asked once per JVM: Testcontainers' own answer is cached too, and the one line should not repeat. */
    private static Boolean dockerAvailable;
    private final Network network;
    private final PostgreSQLContainer postgres;
    private final GenericContainer<?> bff;
    private final String image;

    private BffContainers(String image, Network network, PostgreSQLContainer postgres, GenericContainer<?> bff) {
        this.image = image;
        this.network = network;
        this.postgres = postgres;
        this.bff = bff;
    }

    public static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            try {
                dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                dockerAvailable = false;
            }
            if (!dockerAvailable) {
                System.err.println("[release-gate] no Docker engine is reachable (no /var/run/docker.sock, no DOCKER_HOST):"
                        + " the checks that need containers are not run");
            }
        }
        return dockerAvailable;
    }

    public static BffContainers start(String image, String allowlistJson, Duration startTimeout) {
        Network network = Network.newNetwork();
        PostgreSQLContainer postgres = new PostgreSQLContainer(DockerImageName.parse("postgres:16-alpine"))
                .withNetwork(network).withNetworkAliases("db")
                .withDatabaseName("app").withUsername("app").withPassword("app");
        postgres.start();
        GenericContainer<?> bff = new GenericContainer<>(DockerImageName.parse(image))
                .withNetwork(network)
                .withEnv(Map.of(
                        "OS_TENANT_ALLOWLIST_JSON", allowlistJson,
                        "USE_PG", "1",
                        "DATABASE_URL", "postgres://app:app@db:5432/app",
                        "PORT", Integer.toString(BFF_PORT)))
                .withExposedPorts(BFF_PORT)
                .waitingFor(Wait.forHttp("/health").forStatusCode(200).withStartupTimeout(startTimeout));
        try {
            bff.start();
        } catch (RuntimeException e) {
            postgres.stop();
            network.close();
            throw e;
        }
        return new BffContainers(image, network, postgres, bff);
    }

    public URI baseUrl() {
        return URI.create("http://" + bff.getHost() + ":" + bff.getMappedPort(BFF_PORT));
    }

    @Override
    public List<String> lines() {
        return bff.getLogs().lines().toList();
    }

    @Override
    public String describe() {
        return "container log of " + image;
    }

    @Override
    public void close() {
        bff.stop();
        postgres.stop();
        network.close();
    }
}
