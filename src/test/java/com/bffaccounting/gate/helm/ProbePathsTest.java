package com.bffaccounting.gate.helm;

import com.bffaccounting.gate.evidence.Redactor;
import com.bffaccounting.gate.http.BffClient;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** C5.2 judges the chart's probe paths by whether the BFF serves them, never by what it answers now. */
class ProbePathsTest {
    @Test
    void aPathTheBffDoesNotServeIsAChartDefectAndA503IsTheBffsState() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ready", exchange -> {
            exchange.sendResponseHeaders(503, -1); // database down: the path is served
            exchange.close();
        });
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            BffClient bff = new BffClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(2),
                    new Redactor(List.of()));
            Map<String, String> paths = new LinkedHashMap<>();
            paths.put("readinessProbe", "/ready");
            paths.put("livenessProbe", "/healthz");
            List<String> problems = new ArrayList<>();
            List<String> undecided = new ArrayList<>();
            List<String> report = new ArrayList<>();
            new ProbePaths(paths).tryOn(Optional.of(bff), Optional.empty(), problems, undecided, report::add);
            assertThat(problems).singleElement().satisfies(p -> assertThat(p).startsWith("livenessProbe path /healthz answered 404")
                    .contains("the BFF does not serve it"));
            assertThat(report).singleElement().satisfies(r -> assertThat(r).contains("/ready is served (it answers 503 now"));
            assertThat(undecided).isEmpty();

            List<String> simulatedProblems = new ArrayList<>();
            List<String> simulatedUndecided = new ArrayList<>();
            new ProbePaths(paths).tryOn(Optional.of(bff), Optional.of(Set.of("/health", "/ready")), simulatedProblems, simulatedUndecided, r -> { });
            assertThat(simulatedProblems).isEmpty();
            assertThat(simulatedUndecided).singleElement().satisfies(u -> assertThat(u)
                    .startsWith("livenessProbe path /healthz cannot be judged against the simulated BFF"));
        } finally {
            server.stop(0);
        }
    }
}
