package com.bffaccounting.gate.kube;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
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
    private final ApiReads reads;
    private static final String ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    private KubeClient(Config config, String context, boolean writesAllowed) {
        this.context = context;
        this.writesAllowed = writesAllowed;
        this.reads = new ApiReads(context, config.getMasterUrl(), new ApiRetry(java.time.Duration.ofMillis(config.getRequestTimeout())));
        this.client = new KubernetesClientBuilder().withConfig(config)
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("count-writes", new Interceptor() {
                    @Override
                    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                        // asking what one may do (kubectl auth can-i) is a POST that changes nothing
                        if (!request.method().equals("GET") && !request.uri().getPath().endsWith(ACCESS_REVIEWS)) {
                            writes.incrementAndGet();
                            if (!KubeClient.this.writesAllowed) {
                                // A verify-only run must not change the cluster: refuse before anything is sent.
                                throw new KubeErrors.ReadOnlyViolation(request.method() + " " + request.uri().getPath());
                            }
                        }
                    }
                }))
                .build();
    }

    /**
     * A client for {@code context} of the kubeconfig (its current context when empty).
     *
     * @throws KubeErrors.KubeconfigException with one line when the kubeconfig has no such context
     */
    public static KubeClient fromKubeconfig(String kubeconfigYaml, String kubeconfigPath, Optional<String> context,
                                            int requestTimeoutMillis) {
        return fromKubeconfig(kubeconfigYaml, kubeconfigPath, context, requestTimeoutMillis, true);
    }

    /** @param writesAllowed false for a verify-only run: any request but GET is refused before it is sent */
    public static KubeClient fromKubeconfig(String kubeconfigYaml, String kubeconfigPath, Optional<String> context,
                                            int requestTimeoutMillis, boolean writesAllowed) {
        Config config = Kubeconfigs.config(kubeconfigYaml, kubeconfigPath, context);
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
        return Kubeconfigs.config(kubeconfigYaml, kubeconfigPath, context).getCurrentContext().getName();
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
        return read("get", "/version", null, client::getKubernetesVersion);
    }

    /** The resource RBAC names for a kind: secrets, configmaps, persistentvolumeclaims. */
    private static String resourceOf(String kind) {
        return kind.toLowerCase(java.util.Locale.ROOT) + "s";
    }

    /** {@code kubectl get namespace NS}. */
    public boolean namespaceExists(String namespace) {
        return read("get", "namespaces", null, () -> client.namespaces().withName(namespace).get() != null);
    }

    /**
     * {@code kubectl create namespace NS}, for a deploy that finds it missing (C10.3). A 403 names the permission
     * to ask for; a namespace that is there by the time a retried create arrives is no error.
     */
    public void createNamespace(String namespace) {
        read("create", "namespaces", null, () -> {
            try {
                return client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() == 409) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** The namespace's UID, if it exists: {@code kube-system}'s names the cluster itself (it lives as long as the cluster). */
    public Optional<String> namespaceUid(String namespace) {
        return read("get", "namespaces", null, () -> Optional.ofNullable(client.namespaces().withName(namespace).get())
                .map(ns -> ns.getMetadata().getUid()));
    }

    /** {@code kubectl get secret|configmap|pvc NAME -n NS}: whether it exists (a read: allowed in a verify-only run). */
    public boolean exists(String namespace, String kind, String name) {
        return read("get", resourceOf(kind), namespace, () -> switch (kind) {
            case "Secret" -> client.secrets().inNamespace(namespace).withName(name).get() != null;
            case "ConfigMap" -> client.configMaps().inNamespace(namespace).withName(name).get() != null;
            case "PersistentVolumeClaim" -> client.persistentVolumeClaims().inNamespace(namespace).withName(name).get() != null;
            default -> throw new IllegalArgumentException("no lookup for kind " + kind);
        });
    }

    /** {@code kubectl auth can-i list pods -n NS}, answered by trying (as a read, retried when the server is busy). */
    public void listPods(String namespace) {
        read("list", "pods", namespace, () -> client.pods().inNamespace(namespace).list());
    }

    /** {@code kubectl get deployment NAME -n NS}. */
    public Optional<Deployment> deployment(String namespace, String name) {
        return read("get", "deployments", namespace, () -> Optional.ofNullable(client.apps().deployments().inNamespace(namespace).withName(name).get()));
    }

    /** {@code kubectl get pods -n NS -l <deployment's selector>}, newest first. */
    public List<Pod> podsOf(String namespace, Deployment deployment) {
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        return read("list", "pods", namespace, () -> client.pods().inNamespace(namespace).withLabels(selector).list().getItems().stream()
                .sorted(Comparator.comparing((Pod p) -> p.getMetadata().getCreationTimestamp(),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList());
    }

    /**
     * {@code kubectl get replicasets -n NS -l <deployment's selector>}, those the Deployment owns: where a rollout
     * that cannot create its pods (quota, PodSecurity, a webhook) says so.
     */
    public List<ReplicaSet> replicaSetsOf(String namespace, Deployment deployment) {
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        String uid = deployment.getMetadata().getUid();
        return read("list", "replicasets", namespace, () -> client.apps().replicaSets().inNamespace(namespace).withLabels(selector)
                .list().getItems().stream()
                .filter(rs -> uid == null || rs.getMetadata().getOwnerReferences() == null || rs.getMetadata().getOwnerReferences().isEmpty()
                        || rs.getMetadata().getOwnerReferences().stream().anyMatch(o -> uid.equals(o.getUid())))
                .toList());
    }

    /** {@code kubectl get events -n NS}: one list for every object of a rollout, rather than one per object. */
    public List<Event> eventsIn(String namespace) {
        return read("list", "events", namespace, () -> client.v1().events().inNamespace(namespace).list().getItems());
    }

    /** {@code kubectl logs POD -c CONTAINER -n NS --tail=N [--previous]}: a container's own words, or its last run's. */
    public List<String> logTail(String namespace, String pod, String container, int lines, boolean previous) {
        return linesOf(read("get", "pods/log", namespace, () -> podLog(namespace, pod, "container=" + container + "&tailLines=" + lines
                + (previous ? "&previous=true" : ""))));
    }

    /** {@code kubectl logs POD -n NS --tail=N}. */
    public List<String> logTail(String namespace, String pod, int lines) {
        return linesOf(read("get", "pods/log", namespace, () -> podLog(namespace, pod, "tailLines=" + lines)));
    }

    /** {@code kubectl logs POD -n NS --since-time=T}. */
    public List<String> logSince(String namespace, String pod, String sinceTime) {
        return linesOf(read("get", "pods/log", namespace, () -> podLog(namespace, pod,
                "sinceTime=" + java.net.URLEncoder.encode(sinceTime, java.nio.charset.StandardCharsets.UTF_8))));
    }

    /**
     * {@code GET …/pods/POD/log?QUERY}, as kubectl logs asks it: what the container wrote, now. fabric8's own
     * getLog first waits up to 5 s (and watches) for the pod to be ready, which a crash-looping or unpullable
     * pod never is — and whose timeouts, under load, were taken for a hung endpoint.
     */
    private String podLog(String namespace, String pod, String query) {
        return client.raw(client.getMasterUrl().toString().replaceAll("/$", "") + "/api/v1/namespaces/" + namespace + "/pods/"
                + pod + "/log?" + query);
    }

    private static List<String> linesOf(String log) {
        return log == null || log.isEmpty() ? List.of() : log.lines().toList();
    }

    /** {@code kubectl port-forward -n NS deployment/NAME PORT}: like kubectl, to one ready pod of it. */
    public LocalPortForward portForward(String namespace, Deployment deployment, int port) {
        Pod pod = podsOf(namespace, deployment).stream().filter(Pods::ready).findFirst()
                .orElseThrow(() -> new IllegalStateException("deployment/" + deployment.getMetadata().getName()
                        + " has no ready pod to port-forward to"));
        return LoopbackPortForward.open(client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()), port);
    }

    /** An idempotent read, asked again when the answer is transient and judged by type when it fails ({@link ApiReads}). */
    <T> T read(String verb, String resource, String namespace, Supplier<T> request) {
        return reads.read(verb, resource, namespace, request);
    }

    /** How many transient answers this client asked again (the report counts them). */
    public int retries() {
        return reads.retries();
    }

    @Override
    public void close() {
        client.close();
    }

    public boolean writesAllowed() {
        return writesAllowed;
    }

}
