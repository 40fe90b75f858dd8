package com.bffaccounting.gate.http;

import com.bffaccounting.gate.evidence.Redactor;
import com.bffaccounting.gate.outcome.Unreachable;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No answer is never a status: it is Unreachable, naming the URL — and, through a port-forward, the pod and the port. */
class BffClientTest {
    private static URI nothingListens() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void noAnswerNamesTheUrlAndTheCause() throws Exception {
        URI url = nothingListens();
        assertThatThrownBy(() -> new BffClient(url, Duration.ofSeconds(2), new Redactor(List.of())).send("GET", "/health", Map.of()))
                .isInstanceOf(Unreachable.class)
                .hasMessage("no answer from " + url + "/health (connection refused)");
    }

    @Test
    void throughAPortForwardItIsTriedOnceMoreAndNamesThePodAndPort() throws Exception {
        URI url = nothingListens();
        assertThatThrownBy(() -> new BffClient(url, Duration.ofSeconds(2), new Redactor(List.of()), "pod bff-accounting-7d9 port 8081")
                .send("GET", "/health", Map.of()))
                .isInstanceOf(Unreachable.class)
                .hasMessage("no answer from " + url + "/health through the port-forward to pod bff-accounting-7d9 port 8081, tried twice"
                        + " (connection refused)");
    }
}
