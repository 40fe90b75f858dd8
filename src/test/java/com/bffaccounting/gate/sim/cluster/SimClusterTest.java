package com.bffaccounting.gate.sim.cluster;

import com.bffaccounting.gate.helm.HelmClient;
import com.bffaccounting.gate.helm.HelmValues;
import com.bffaccounting.gate.kube.KubeClient;
import com.bffaccounting.gate.kube.rollout.PodStates;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.ReleaseHistory;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The real Helm (helm-java) against the simulated cluster: install, wait, upgrade, history — and nothing else writes. */
class SimClusterTest {
    static final Path CHART = Path.of("charts/bff-accounting");
    private final List<List<EnvVar>> rollouts = new CopyOnWriteArrayList<>();
    private SimCluster cluster;
    private HelmClient helm;

    @BeforeEach
    void start() {
        cluster = SimCluster.start(Clock.systemUTC(),
                image -> image.endsWith(":missing") ? PodFate.pullFails("manifest unknown") : PodFate.runs(Duration.ofMillis(200)),
                rollouts::add, () -> List.of("INFO started", "WARN TENANT_NOT_ENABLED tenant=pilot-b"));
        cluster.createNamespace("accounting");
        helm = new HelmClient(cluster.kubeconfig(), new HelmClient.Options(true, false));
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void upgradeInstallWaitsForTheRolloutAndTheAllowlistReachesThePods() {
        Release release = helm.upgradeInstall(CHART, "bff", "accounting",
                HelmValues.pilot("[\"default\",\"pilot-a\"]", "ghcr.io/acme/bff", "r7-h"), Duration.ofSeconds(30));
        assertThat(release.getStatus()).isEqualTo("deployed");
        assertThat(release.getRevision()).isEqualTo("1");
        assertThat(rollouts).hasSize(1);
        assertThat(rollouts.get(0)).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("OS_TENANT_ALLOWLIST_JSON");
            assertThat(e.getValue()).isEqualTo("[\"default\",\"pilot-a\"]");
        });
        try (KubeClient kube = KubeClient.fromKubeconfig(cluster.kubeconfig(), "(sim)", Optional.empty(), 5000)) {
            var deployment = kube.deployment("accounting", "bff-accounting").orElseThrow();
            assertThat(deployment.getStatus().getReadyReplicas()).isEqualTo(2);
            assertThat(kube.podsOf("accounting", deployment)).hasSize(2).allMatch(PodStates::ready);
            String pod = kube.podsOf("accounting", deployment).get(0).getMetadata().getName();
            assertThat(kube.logTail("accounting", pod, 1)).containsExactly("WARN TENANT_NOT_ENABLED tenant=pilot-b");
        }
    }

    @Test
    void aSettledClusterWritesNothingUntilSomethingChanges() {
        helm.upgradeInstall(CHART, "bff", "accounting", HelmValues.pilot("[\"default\"]", "ghcr.io/acme/bff", "v1"), Duration.ofSeconds(30));
        // the controllers finish what the rollout left (old pods, final status), then stop writing
        AtomicLong seen = new AtomicLong(-1);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(300)).until(() -> seen.getAndSet(cluster.changes()) == cluster.changes());
        long settled = cluster.changes();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> cluster.changes() == settled);
        // and a change is answered: the next tag rolls out
        helm.upgradeInstall(CHART, "bff", "accounting", HelmValues.pilot("[\"default\"]", "ghcr.io/acme/bff", "v2"), Duration.ofSeconds(30));
        assertThat(cluster.changes()).isGreaterThan(settled);
    }

    @Test
    void upgradeToAnotherTagAddsARevisionAndReplacesThePods() {
        helm.upgradeInstall(CHART, "bff", "accounting", HelmValues.pilot("[\"default\"]", "ghcr.io/acme/bff", "v1"), Duration.ofSeconds(30));
        helm.upgradeInstall(CHART, "bff", "accounting", HelmValues.pilot("[\"default\"]", "ghcr.io/acme/bff", "v2"), Duration.ofSeconds(30));
        List<ReleaseHistory> history = helm.history("bff", "accounting");
        assertThat(history).extracting(ReleaseHistory::getStatus).containsExactly("superseded", "deployed");
        try (KubeClient kube = KubeClient.fromKubeconfig(cluster.kubeconfig(), "(sim)", Optional.empty(), 5000)) {
            var deployment = kube.deployment("accounting", "bff-accounting").orElseThrow();
            await().atMost(Duration.ofSeconds(5)).until(() -> kube.podsOf("accounting", deployment).stream()
                    .allMatch(p -> p.getSpec().getContainers().get(0).getImage().equals("ghcr.io/acme/bff:v2")));
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("ghcr.io/acme/bff:v2");
        }
    }

    @Test
    void podsThatCannotPullShowImagePullBackOffAndHelmTimesOut() {
        assertThatThrownBy(() -> helm.upgradeInstall(CHART, "bff", "accounting",
                HelmValues.pilot("[\"default\"]", "ghcr.io/acme/bff", "missing"), Duration.ofSeconds(3)))
                .hasMessageContaining("context deadline exceeded");
        try (KubeClient kube = KubeClient.fromKubeconfig(cluster.kubeconfig(), "(sim)", Optional.empty(), 5000)) {
            var pods = kube.podsOf("accounting", kube.deployment("accounting", "bff-accounting").orElseThrow());
            assertThat(pods).isNotEmpty().allSatisfy(p -> assertThat(PodStates.status(p)).isEqualTo("ImagePullBackOff"));
        }
    }

    @Test
    void readsAreNotCountedAsWrites() {
        cluster.resetWriteCount();
        try (KubeClient kube = KubeClient.fromKubeconfig(cluster.kubeconfig(), "(sim)", Optional.empty(), 5000)) {
            kube.serverVersion();
            assertThat(kube.namespaceExists("accounting")).isTrue();
            assertThat(kube.namespaceExists("nope")).isFalse();
            assertThat(kube.writeRequests()).isZero();
        }
        assertThat(cluster.writeRequests()).isZero();
        helm.upgradeInstall(CHART, "bff", "accounting", HelmValues.pilot("[\"default\"]", "ghcr.io/acme/bff", "v1"), Duration.ofSeconds(30));
        assertThat(cluster.writeRequests()).isPositive();
    }

    @Test
    void everyBuiltInKindAChartCarriesIsServedAndWaitedFor() {
        Path allKinds = Path.of("src/test/resources/charts/bff-accounting-all-kinds");
        Release release = helm.upgradeInstall(allKinds, "bff", "accounting",
                HelmValues.pilot("[\"default\"]", "ghcr.io/acme/bff", "v1"), Duration.ofSeconds(30));
        assertThat(release.getStatus()).isEqualTo("deployed");
        var k8s = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(cluster.kubeconfig())).build();
        try (k8s) {
            assertThat(k8s.apps().statefulSets().inNamespace("accounting").withName("bff-accounting-cache").get().getStatus()
                    .getReadyReplicas()).isEqualTo(1);
            assertThat(k8s.apps().daemonSets().inNamespace("accounting").withName("bff-accounting-agent").get().getStatus()
                    .getNumberReady()).isEqualTo(1);
            assertThat(k8s.persistentVolumeClaims().inNamespace("accounting").withName("bff-accounting-data").get().getStatus()
                    .getPhase()).isEqualTo("Bound");
            assertThat(k8s.batch().v1().cronjobs().inNamespace("accounting").withName("bff-accounting-sync").get()).isNotNull();
            assertThat(k8s.batch().v1().jobs().inNamespace("accounting").withName("bff-accounting-migrate-1").get()).isNotNull();
            assertThat(k8s.autoscaling().v2().horizontalPodAutoscalers().inNamespace("accounting").withName("bff-accounting").get()).isNotNull();
            assertThat(k8s.policy().v1().podDisruptionBudget().inNamespace("accounting").withName("bff-accounting").get()).isNotNull();
            assertThat(k8s.network().v1().networkPolicies().inNamespace("accounting").withName("bff-accounting").get()).isNotNull();
            assertThat(k8s.rbac().clusterRoleBindings().withName("bff-accounting-accounting-reader").get()).isNotNull();
        }
        // and back: a rollback (an upgrade to the previous tag) over all of them
        Release back = helm.upgradeInstall(allKinds, "bff", "accounting",
                HelmValues.pilot("[\"default\"]", "ghcr.io/acme/bff", "v0"), Duration.ofSeconds(30));
        assertThat(back.getRevision()).isEqualTo("2");
        assertThat(back.getStatus()).isEqualTo("deployed");
    }

    @Test
    void aPortForwardToAPodReachesWhatStandsInForIt() throws Exception {
        HttpServer pod = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        pod.createContext("/", exchange -> {
            byte[] body = ("pong " + exchange.getRequestURI()).getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        pod.start();
        SimCluster forwarding = SimCluster.start(Clock.systemUTC(), image -> PodFate.runs(Duration.ofMillis(200)), env -> { },
                List::of, (namespace, name, port) -> new InetSocketAddress("127.0.0.1", pod.getAddress().getPort()));
        try {
            forwarding.createNamespace("accounting");
            new HelmClient(forwarding.kubeconfig(), new HelmClient.Options(true, false)).upgradeInstall(CHART, "bff", "accounting",
                    HelmValues.pilot("[\"default\"]", "ghcr.io/acme/bff", "v1"), Duration.ofSeconds(30));
            try (KubeClient kube = KubeClient.fromKubeconfig(forwarding.kubeconfig(), "(sim)", Optional.empty(), 5000);
                 var forward = kube.portForward("accounting", kube.deployment("accounting", "bff-accounting").orElseThrow(), 8081)) {
                var http = HttpClient.newHttpClient();
                for (int i = 0; i < 3; i++) { // one websocket per connection, as kubectl port-forward does
                    var response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + forward.getLocalPort() + "/health?n=" + i)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.body()).isEqualTo("pong /health?n=" + i);
                }
                // as kubectl's: the forwarded port is this machine's alone, never open to its network
                Optional<InetAddress> network = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
                network.ifPresent(address -> assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, forward.getLocalPort()), 1000);
                    }
                }).as("port-forward reachable on " + address).isInstanceOf(ConnectException.class));
            }
        } finally {
            forwarding.close();
            pod.stop(0);
        }
    }
}
