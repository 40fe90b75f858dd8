package com.bffaccounting.gate.sim.cluster;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;

class SpikeTest {
    @Test
    void spike() {
        SimApiDispatcher d = new SimApiDispatcher();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), d, false);
        server.init();
        String url = "http://" + server.getHostName() + ":" + server.getPort();
        String kubeconfig = "apiVersion: v1\nkind: Config\nclusters:\n- name: sim\n  cluster:\n    server: " + url
                + "\ncontexts:\n- name: sim-pilot\n  context:\n    cluster: sim\n    user: sim\n    namespace: accounting\ncurrent-context: sim-pilot\nusers:\n- name: sim\n  user:\n    token: sim-token\n";
        java.nio.file.Path kc;
        try { kc = java.nio.file.Files.createTempFile("kc", ".yaml"); java.nio.file.Files.writeString(kc, kubeconfig); } catch (Exception e) { throw new RuntimeException(e); }
        try {
            var r = new Helm(Path.of("charts/bff-accounting")).upgrade().install().withName("bff").withNamespace("accounting")
                    .withKubeConfig(kc).withTimeout(10).disableOpenApiValidation().call();
            System.out.println("RELEASE " + r.getStatus() + " rev " + r.getRevision());
            d.log.clear();
            try (var c = server.createClient()) {
                var sec = c.secrets().inNamespace("accounting").withName("sh.helm.release.v1.bff.v1").get();
                System.out.println("SECRET labels=" + sec.getMetadata().getLabels() + " type=" + sec.getType());
                String rel = sec.getData().get("release");
                byte[] once = java.util.Base64.getDecoder().decode(rel);
                System.out.println("SECRET once=" + new String(once).substring(0, 40));
            }
            var r2 = new Helm(Path.of("charts/bff-accounting")).upgrade().install().withName("bff").withNamespace("accounting")
                    .withKubeConfig(kc).withTimeout(10).disableOpenApiValidation().set("image.tag", "r7-final-20251203").call();
            System.out.println("RELEASE2 " + r2.getStatus() + " rev " + r2.getRevision());
            var h = Helm.history("bff").withNamespace("accounting").withKubeConfig(kc).call();
            h.forEach(x -> System.out.println("HISTORY " + x.getRevision() + " " + x.getStatus() + " " + x.getAppVersion() + " " + x.getDescription()));
        } catch (Exception e) {
            System.out.println("FAILED: " + e.getMessage());
        } finally {
            d.log.forEach(l -> System.out.println("REQ " + l));
            server.destroy();
        }
    }
}
