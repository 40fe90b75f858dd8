package com.bffaccounting.gate.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.PortForward;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a port-forward could not carry a request, when the API server is the reason: it refused to open
 * the stream (401, 403 on {@code pods/portforward}, a 5xx). That is infrastructure — the BFF behind it was
 * never asked — and is told apart from the pod's own refusal (the BFF not listening), which fabric8 reports
 * on the stream's error channel instead.
 */
public final class PortForwards {
    private PortForwards() {
    }

    /** "the API server refused the port-forward to pod P port 8081 (403 Forbidden: …) — check with: kubectl auth can-i …". */
    public static Optional<String> refusal(PortForward forward, String namespace, String pod, int port) {
        // fabric8 keeps a refused upgrade among the "server" throwables; a pod's own refusal is no handshake failure
        List<Throwable> seen = new ArrayList<>(forward.getServerThrowables());
        seen.addAll(forward.getClientThrowables());
        for (Throwable t : seen) {
            Optional<String> words = refusalIn(t);
            if (words.isPresent()) {
                return Optional.of("the API server refused the port-forward to pod " + pod + " port " + port + " (" + words.get()
                        + ") — check with: " + ApiErrors.canI("create", "pods/portforward", namespace));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> refusalIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WebSocketHandshakeException handshake && handshake.getResponse() != null) {
                int code = handshake.getResponse().code();
                return Optional.of(code + (code == 401 ? " Unauthorized" : code == 403 ? " Forbidden" : "")
                        + Optional.ofNullable(handshake.getMessage()).filter(m -> !m.isBlank()).map(m -> ": " + m).orElse(""));
            }
            if (t instanceof KubernetesClientException k && k.getCode() > 0) {
                return Optional.of(ApiErrors.words(k));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code kubectl port-forward -n NS svc/NAME PORT}: like kubectl, to one ready pod behind the Service,
     * on the port the Service's port targets.
     */
    public static LocalPortForward toService(KubeClient kube, String namespace, String name, int port) {
        Service service = kube.read("get", "services", namespace, () -> kube.fabric8().services().inNamespace(namespace).withName(name).get());
        if (service == null) {
            throw new IllegalStateException("service/" + name + " does not exist in namespace " + namespace);
        }
        Map<String, String> selector = service.getSpec().getSelector();
        Pod pod = kube.read("list", "pods", namespace, () -> kube.fabric8().pods().inNamespace(namespace).withLabels(selector == null ? Map.of() : selector).list().getItems())
                .stream().filter(Pods::ready).findFirst()
                .orElseThrow(() -> new IllegalStateException("service/" + name + " in namespace " + namespace + " has no ready pod"));
        int target = service.getSpec().getPorts().stream().filter(p -> p.getPort() == port).findFirst()
                .map(p -> p.getTargetPort() == null ? port : p.getTargetPort().getIntVal() != null ? p.getTargetPort().getIntVal()
                        : pod.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                        .filter(cp -> p.getTargetPort().getStrVal().equals(cp.getName())).map(cp -> cp.getContainerPort())
                        .findFirst().orElse(port))
                .orElseThrow(() -> new IllegalStateException("service/" + name + " has no port " + port));
        return LoopbackPortForward.open(kube.fabric8().pods().inNamespace(namespace).withName(pod.getMetadata().getName()), target);
    }
}
