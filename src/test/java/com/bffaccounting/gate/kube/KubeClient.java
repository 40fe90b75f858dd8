package com.bffaccounting.gate.kube;

import com.bffaccounting.gate.outcome.Causes;
import com.bffaccounting.gate.outcome.Unreachable;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The suite's Kubernetes access (fabric8; never a kubectl subprocess). Each method is the kubectl
 * command the checklist runs, named after it. Every request that is not a read is counted, so a
 * verify-only run can prove it changed nothing.
 */
public final class KubeClient implements AutoCloseable {
    private final KubernetesClient client;
    private final String context;
    private final AtomicInteger writes = new AtomicInteger();

    private final boolean writesAllowed;

    private KubeClient(Config config, String context, boolean writesAllowed) {
        this.context = context;
        this.writesAllowed = writesAllowed;
        this.client = new KubernetesClientBuilder().withConfig(config)
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("count-writes", new Interceptor() {
                    @Override
                    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                        if (!request.method().equals("GET")) {
                            writes.incrementAndGet();
                            if (!KubeClient.this.writesAllowed) {
                                // A verify-only run must not change the cluster: refuse before anything is sent.
                                throw new ReadOnlyViolation(request.method() + " " + request.uri().getPath());
                            }
                        }
                    }
                }))
                .build();
    }

    /**
     * A client for {@code context} of the kubeconfig (its current context when empty).
     *
     * @throws KubeconfigException with one line when the kubeconfig has no such context
     */
    public static KubeClient fromKubeconfig(String kubeconfigYaml, String kubeconfigPath, Optional<String> context,
                                            int requestTimeoutMillis) {
        return fromKubeconfig(kubeconfigYaml, kubeconfigPath, context, requestTimeoutMillis, true);
    }

    /** @param writesAllowed false for a verify-only run: any request but GET is refused before it is sent */
    public static KubeClient fromKubeconfig(String kubeconfigYaml, String kubeconfigPath, Optional<String> context,
                                            int requestTimeoutMillis, boolean writesAllowed) {
        Config config = configOf(kubeconfigYaml, kubeconfigPath, context);
        config.setRequestTimeout(requestTimeoutMillis);
        config.setConnectionTimeout(requestTimeoutMillis);
        config.setRequestRetryBackoffLimit(0);
        return new KubeClient(config, config.getCurrentContext().getName(), writesAllowed);
    }

    /**
     * The context a client would act on, checked as {@link #fromKubeconfig} checks it, without building a
     * client (no connection, no thread).
     */
    public static String contextOf(String kubeconfigYaml, String kubeconfigPath, Optional<String> context) {
        return configOf(kubeconfigYaml, kubeconfigPath, context).getCurrentContext().getName();
    }

    private static Config configOf(String kubeconfigYaml, String kubeconfigPath, Optional<String> context) {
        Config config;
        try {
            config = Config.fromKubeconfig(context.orElse(null), kubeconfigYaml, null);
        } catch (KubernetesClientException | IllegalArgumentException e) {
            throw new KubeconfigException("kubeconfig " + kubeconfigPath + ": " + e.getMessage());
        }
        if (config.getCurrentContext() == null) {
            throw new KubeconfigException("kubeconfig " + kubeconfigPath + " selects no context"
                    + context.map(c -> " (no context named '" + c + "')").orElse(" (set current-context or -Dcluster.context)"));
        }
        if (context.isPresent() && !context.get().equals(config.getCurrentContext().getName())) {
            throw new KubeconfigException("kubeconfig " + kubeconfigPath + " has no context named '" + context.get() + "'");
        }
        return config;
    }

    public KubernetesClient fabric8() {
        return client;
    }

    public String context() {
        return context;
    }

    public String apiServerUrl() {
        return client.getConfiguration().getMasterUrl();
    }

    public int writeRequests() {
        return writes.get();
    }

    /** {@code kubectl cluster-info} / {@code kubectl version}: throws when the API server does not answer. */
    public VersionInfo serverVersion() {
        return client.getKubernetesVersion();
    }

    /** {@code kubectl get namespace NS}. */
    public boolean namespaceExists(String namespace) {
        return read(() -> client.namespaces().withName(namespace).get() != null);
    }

    /** {@code kubectl get secret|configmap|pvc NAME -n NS}: whether it exists (a read: allowed in a verify-only run). */
    public boolean exists(String namespace, String kind, String name) {
        return read(() -> switch (kind) {
            case "Secret" -> client.secrets().inNamespace(namespace).withName(name).get() != null;
            case "ConfigMap" -> client.configMaps().inNamespace(namespace).withName(name).get() != null;
            case "PersistentVolumeClaim" -> client.persistentVolumeClaims().inNamespace(namespace).withName(name).get() != null;
            default -> throw new IllegalArgumentException("no lookup for kind " + kind);
        });
    }

    /** {@code kubectl create namespace NS} — deploy runs only (the write guard refuses it otherwise). */
    public void createNamespace(String namespace) {
        client.namespaces().resource(new NamespaceBuilder()
                .withNewMetadata().withName(namespace).endMetadata().build()).create();
    }

    /** {@code kubectl auth can-i list pods -n NS}, answered by trying: the HTTP status of a list. */
    public int listPodsStatus(String namespace) {
        try {
            client.pods().inNamespace(namespace).list();
            return 200;
        } catch (KubernetesClientException e) {
            return e.getCode();
        }
    }

    /** {@code kubectl get deployment NAME -n NS}. */
    public Optional<Deployment> deployment(String namespace, String name) {
        return read(() -> Optional.ofNullable(client.apps().deployments().inNamespace(namespace).withName(name).get()));
    }

    /** {@code kubectl get pods -n NS -l <deployment's selector>}, newest first. */
    public List<Pod> podsOf(String namespace, Deployment deployment) {
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        return read(() -> client.pods().inNamespace(namespace).withLabels(selector).list().getItems().stream()
                .sorted(Comparator.comparing((Pod p) -> p.getMetadata().getCreationTimestamp(),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList());
    }

    /** {@code kubectl get events -n NS --field-selector involvedObject.name=NAME}. */
    public List<Event> eventsOf(String namespace, String objectName) {
        return read(() -> client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> e.getInvolvedObject() != null && objectName.equals(e.getInvolvedObject().getName()))
                .toList());
    }

    /** {@code kubectl logs POD -n NS --tail=N}. */
    public List<String> logTail(String namespace, String pod, int lines) {
        String log = read(() -> client.pods().inNamespace(namespace).withName(pod).tailingLines(lines).getLog());
        return log == null || log.isEmpty() ? List.of() : log.lines().toList();
    }

    /** {@code kubectl port-forward -n NS deployment/NAME PORT}: like kubectl, to one ready pod of it. */
    public LocalPortForward portForward(String namespace, Deployment deployment, int port) {
        Pod pod = podsOf(namespace, deployment).stream().filter(PodStates::ready).findFirst()
                .orElseThrow(() -> new IllegalStateException("deployment/" + deployment.getMetadata().getName()
                        + " has no ready pod to port-forward to"));
        return client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).portForward(port);
    }

    /**
     * A read whose API server stops answering mid-run (timeout, refused connection) is infrastructure:
     * {@link Unreachable}, INCONCLUSIVE, naming the server — never a FAIL of the release. An answer the
     * server did give (404, 403) stays fabric8's exception, for the caller to judge.
     */
    private <T> T read(Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 0 && Causes.noAnswer(e)) {
                throw new Unreachable("the API server of context '" + context + "' at " + apiServerUrl(), Causes.describe(e));
            }
            throw e;
        }
    }

    /**
     * {@code kubectl port-forward -n NS svc/NAME PORT}: like kubectl, to one ready pod behind the Service,
     * on the port the Service's port targets.
     */
    public LocalPortForward portForwardService(String namespace, String name, int port) {
        Service service = read(() -> client.services().inNamespace(namespace).withName(name).get());
        if (service == null) {
            throw new IllegalStateException("service/" + name + " does not exist in namespace " + namespace);
        }
        Map<String, String> selector = service.getSpec().getSelector();
        Pod pod = read(() -> client.pods().inNamespace(namespace).withLabels(selector == null ? Map.of() : selector).list().getItems())
                .stream().filter(PodStates::ready).findFirst()
                .orElseThrow(() -> new IllegalStateException("service/" + name + " in namespace " + namespace + " has no ready pod"));
        int target = service.getSpec().getPorts().stream().filter(p -> p.getPort() == port).findFirst()
                .map(p -> p.getTargetPort() == null ? port : p.getTargetPort().getIntVal() != null ? p.getTargetPort().getIntVal()
                        : pod.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                        .filter(cp -> p.getTargetPort().getStrVal().equals(cp.getName())).map(cp -> cp.getContainerPort())
                        .findFirst().orElse(port))
                .orElseThrow(() -> new IllegalStateException("service/" + name + " has no port " + port));
        return client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).portForward(target);
    }

    public static List<ContainerStatus> containerStatuses(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
    }

    @Override
    public void close() {
        client.close();
    }

    public boolean writesAllowed() {
        return writesAllowed;
    }

    /** A write attempted by a verify-only run. */
    public static final class ReadOnlyViolation extends IllegalStateException {
        public ReadOnlyViolation(String request) {
            super("verify-only run: refused to send " + request + " to the cluster (deploy and rollback need -Ddeploy=true or -Drollback=true)");
        }
    }

    /** A kubeconfig that cannot be used as it is; the message is the whole diagnosis. */
    public static final class KubeconfigException extends RuntimeException {
        public KubeconfigException(String message) {
            super(message);
        }
    }
}
