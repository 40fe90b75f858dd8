package com.bffaccounting.gate.sim.cluster;

import com.bffaccounting.gate.config.ServiceRef;
import com.bffaccounting.gate.io.JulLoggers;
import com.bffaccounting.gate.kube.rollout.RolloutInspector;
import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.waits.Timeout;
import com.bffaccounting.gate.waits.Wait;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The simulated cluster of {@code env=sim}: fabric8's mock API server in CRUD mode, made capable of
 * serving the real Helm ({@link SimApiDispatcher}), plus controllers that roll Deployments out
 * ({@link SimControllers}, whose pods get their status from {@link SimKubelet}). It is a stand-in for a Kubernetes API server; reports say so.
 */
public final class SimCluster implements AutoCloseable {
    public static final String CONTEXT = "sim-pilot";
    private SimControllers controlPlane;
    /** Who the suite is to the simulated API server (what a 403 names). */
    static final String USER = "system:serviceaccount:accounting:release-gate";
    /**
     * The mock web server logs every request at INFO through java.util.logging: thousands of lines per
     * run that bury the checklist's own output. Held in a field, because JUL keeps loggers weakly.
     */
    private static final Logger MOCK_SERVER_LOG = JulLoggers.warningsOnly("io.fabric8.mockwebserver.MockWebServer");
    static final String CONTROLLER_AGENT = "sim-kubelet";

    private final SimApiDispatcher dispatcher;
    private final KubernetesMockServer server;
    private final KubernetesClient controllerClient;
    private final ScheduledExecutorService controllers;
    private final String token = "sim-token-" + UUID.randomUUID();
    private volatile String lastControllerError;
    private volatile boolean closed;

    private SimCluster(SimApiDispatcher dispatcher, KubernetesMockServer server, KubernetesClient controllerClient,
                       ScheduledExecutorService controllers) {
        this.dispatcher = dispatcher;
        this.server = server;
        this.controllerClient = controllerClient;
        this.controllers = controllers;
    }

    /**
     * @param fateOfImage     what the kubelet does with a pod of an image
     * @param onRollout       called with the container env when a rollout completes (reconfigures the BFF)
     * @param podLog          the log lines every BFF pod shows
     */
    /** Where a pod's port leads, for the port-forward subresource: a process of this machine stands in for the pod. */
    public interface PodPorts {
        InetSocketAddress resolve(String namespace, String pod, int port);
    }

    public static SimCluster start(Clock clock, Function<String, PodFate> fateOfImage, Consumer<List<EnvVar>> onRollout,
                                   Supplier<List<String>> podLog) {
        return start(clock, fateOfImage, onRollout, podLog, (namespace, pod, port) -> new InetSocketAddress("127.0.0.1", 1));
    }

    public static SimCluster start(Clock clock, Function<String, PodFate> fateOfImage, Consumer<List<EnvVar>> onRollout,
                                   Supplier<List<String>> podLog, PodPorts podPorts) {
        SimApiDispatcher dispatcher = new SimApiDispatcher(podLog, podPorts);
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        KubernetesClient controllerClient = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("http://" + server.getHostName() + ":" + server.getPort())
                .withUserAgent(CONTROLLER_AGENT).withRequestRetryBackoffLimit(0).build()).build();
        ScheduledExecutorService controllers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-kubelet");
            t.setDaemon(true);
            return t;
        });
        SimCluster cluster = new SimCluster(dispatcher, server, controllerClient, controllers);
        // every cluster has one, and its UID is the cluster's identity (the attestation names it)
        cluster.createNamespace("kube-system");
        SimControllers controlPlane = new SimControllers(controllerClient, clock, fateOfImage, onRollout);
        dispatcher.lastWords(controlPlane::lastWordsOf);
        cluster.controlPlane = controlPlane;
        // A pass costs a dozen requests; a settled cluster (no write since the last pass began, no pod whose
        // status changes with age) needs none, and passes that would only repeat themselves took CPU from the run.
        AtomicLong answeredChanges = new AtomicLong(-1);
        controllers.scheduleWithFixedDelay(() -> {
            long changes = dispatcher.changes();
            if (changes == answeredChanges.get() && !controlPlane.awaitingTime()) {
                return;
            }
            try {
                controlPlane.reconcileAll();
                answeredChanges.set(changes);
                cluster.lastControllerError = null;
            } catch (RuntimeException e) {
                // The loop must keep running, but a broken simulator must explain a stuck rollout:
                // each new error is printed once (the last one is kept to tell new from repeated).
                String error = Causes.describe(e);
                // after close() the loop may still be in a call on the closed client: that is no error of the simulator
                if (!cluster.closed && !error.equals(cluster.lastControllerError)) {
                    System.err.println("[sim-kubelet] " + error);
                }
                cluster.lastControllerError = error;
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        return cluster;
    }


    public String apiServerUrl() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    /** A kubeconfig for the simulated cluster, with a bearer token (a secret, like a real one). */
    public String kubeconfig() {
        return kubeconfigFor(apiServerUrl(), token);
    }

    public String token() {
        return token;
    }

    public static String kubeconfigFor(String url, String token) {
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: sim\n  cluster:\n    server: " + url + "\n"
                + "contexts:\n- name: " + CONTEXT + "\n  context:\n    cluster: sim\n    user: sim-user\n"
                + "current-context: " + CONTEXT + "\n"
                + "users:\n- name: sim-user\n  user:\n    token: " + token + "\n";
    }

    /** Two contexts: {@value #CONTEXT} at {@code url}, and the current one, {@code sim-elsewhere}, at {@code elsewhereUrl}. */
    public static String kubeconfigWithContextElsewhere(String url, String token, String elsewhereUrl) {
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: sim\n  cluster:\n    server: " + url + "\n"
                + "- name: elsewhere\n  cluster:\n    server: " + elsewhereUrl + "\n"
                + "contexts:\n- name: " + CONTEXT + "\n  context:\n    cluster: sim\n    user: sim-user\n"
                + "- name: sim-elsewhere\n  context:\n    cluster: elsewhere\n    user: sim-user\n"
                + "current-context: sim-elsewhere\n"
                + "users:\n- name: sim-user\n  user:\n    token: " + token + "\n";
    }

    /** From now on the suite's credentials are refused (403) for everything but /version and discovery. */
    /** From now on the suite may do only what {@code rules} allow, as an RBAC-limited account (null: everything). */
    /** What the API server refuses to create from now on: a namespace's quota, its PodSecurity level. */
    public void admission(SimAdmission admission) {
        controlPlane.admission(admission);
    }

    public void suiteRbac(SimRbac rules) {
        dispatcher.suiteRbac(rules);
    }

    /** From now on the API server treats the suite as {@code faults} say (its controllers as before). */
    public void apiFaults(ApiFaults faults) {
        dispatcher.apiFaults(faults);
    }

    /**
     * A Prometheus inside the simulated cluster, as kube-prometheus-stack leaves one: a Service and one
     * ready pod behind it (what a port-forward to the pod reaches is the {@link PodPorts}' business).
     */
    public void createPrometheusService(ServiceRef service) {
        if (controllerClient.namespaces().withName(service.namespace()).get() == null) {
            createNamespace(service.namespace());
        }
        Map<String, String> labels = Map.of("app.kubernetes.io/name", "prometheus");
        controllerClient.services().inNamespace(service.namespace()).resource(new ServiceBuilder()
                .withNewMetadata().withName(service.name()).withLabels(labels).endMetadata()
                .withNewSpec().withSelector(labels).addNewPort().withName("web").withPort(service.port())
                .withNewTargetPort(service.port()).endPort().endSpec().build()).create();
        controllerClient.pods().inNamespace(service.namespace()).resource(new PodBuilder()
                .withNewMetadata().withName(service.name() + "-0").withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("prometheus").withImage("prom/prometheus").addNewPort()
                .withName("web").withContainerPort(service.port()).endPort().endContainer().endSpec()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewContainerStatus().withName("prometheus").withReady(true).withRestartCount(0).endContainerStatus()
                .endStatus().build()).create();
    }

    public void createNamespace(String name) {
        controllerClient.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    }

    /** Waits until the deployment's rollout is complete (the simulator's own setup, not a check). */
    public void awaitRolloutComplete(String namespace, String deployment, Timeout timeout) {
        Wait.until("simulated rollout of deployment/" + deployment,
                        () -> Optional.ofNullable(controllerClient.apps().deployments().inNamespace(namespace).withName(deployment).get()))
                .within(timeout)
                .describedBy(d -> d.map(found -> RolloutInspector.rolloutComplete(found).orElse("rollout complete")).orElse("no such deployment"))
                .poll(d -> d.isPresent() && RolloutInspector.rolloutComplete(d.get()).isEmpty())
                .orThrow();
    }

    /** Write requests (anything but GET) sent by anyone but the simulator's own controllers since the last reset. */
    public int writeRequests() {
        return dispatcher.writeRequests();
    }

    /** Write requests from anyone, the simulator's own controllers included. */
    long changes() {
        return dispatcher.changes();
    }

    public void resetWriteCount() {
        dispatcher.resetWrites();
    }

    @Override
    public void close() {
        closed = true;
        controllers.shutdownNow();
        controllerClient.close();
        server.destroy();
    }
}
