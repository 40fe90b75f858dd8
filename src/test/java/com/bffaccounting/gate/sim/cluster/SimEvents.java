package com.bffaccounting.gate.sim.cluster;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The events the simulated cluster's components write (kubelet, scheduler, ReplicaSet controller): one per object and reason. */
final class SimEvents {
    private final KubernetesClient client;
    private final Clock clock;
    private final Map<String, Boolean> sent = new ConcurrentHashMap<>();

    SimEvents(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** A Warning, as the component that writes it would: once per object and reason. */
    void warn(HasMetadata object, String reason, String message, String component) {
        write(object, reason, message, component, "Warning");
    }

    void write(HasMetadata object, String reason, String message, String component, String type) {
        String key = object.getKind() + "/" + object.getMetadata().getName() + "/" + reason;
        if (sent.putIfAbsent(key, true) != null) {
            return;
        }
        client.v1().events().inNamespace(object.getMetadata().getNamespace()).resource(new EventBuilder()
                .withNewMetadata().withName(object.getMetadata().getName() + "." + reason.toLowerCase()).endMetadata()
                .withType(type).withReason(reason).withMessage(message).withNewSource().withComponent(component).endSource()
                .withInvolvedObject(new ObjectReferenceBuilder().withKind(object.getKind()).withName(object.getMetadata().getName())
                        .withNamespace(object.getMetadata().getNamespace()).build())
                .withCount(1).withLastTimestamp(clock.instant().toString()).build()).create();
    }
}
