package com.bffaccounting.gate.bench;

import com.bffaccounting.gate.config.SettingSource;
import com.bffaccounting.gate.config.Settings;
import com.bffaccounting.gate.gating.GateExpectation;
import com.bffaccounting.gate.gating.PilotGatingProbe;
import com.bffaccounting.gate.gating.TenantProbeResult;
import com.bffaccounting.gate.http.BffClient;
import com.bffaccounting.gate.model.RunFacts;
import com.bffaccounting.gate.sim.SimBff;
import com.bffaccounting.gate.sim.SimBffConfig;
import com.bffaccounting.gate.sut.RunComposer;
import com.bffaccounting.gate.sut.Targets;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Harness: the C11.2 non-pilot gating check with 1,000 tenants against SimBff, through the same client
 * and probe the scenario uses, with the configured bounded concurrency (default 8). Prints the time of
 * each of five rounds after two warm-up rounds, first straight to SimBff, then as a sim run reaches it:
 * through a fabric8 port-forward to a pod, relayed by the simulated API server.
 * Target: at most 5 s for 1,000 tenants; through the port-forward, 1.5 s.
 */
public final class GatingMatrixHarness {
    private GatingMatrixHarness() {
    }

    public static void main(String[] args) {
        String tenants = IntStream.range(0, 1000).mapToObj(i -> "non-pilot-" + i).collect(Collectors.joining(","));
        Properties system = new Properties();
        system.putAll(Map.of("pilot.nonPilotTenants", tenants, "env", "sim"));
        Settings settings = Settings.from(new SettingSource(system, Map.of(), new Properties()));
        try (SimBff bff = new SimBff(SimBffConfig.of(settings), Clock.systemUTC()).start();
             BffClient client = new BffClient(bff.baseUrl(), Duration.ofSeconds(10), settings.redactor())) {
            rounds("direct", settings, client);
        }
        try (Targets targets = RunComposer.build(settings, new RunFacts());
             // the BFF as the gating scenario reaches it in sim: one port-forward and one client for the whole check, as BffSession holds them
             BffClient client = new BffClient(targets.bff().require().baseUrl(), Duration.ofSeconds(10), settings.redactor(),
                     targets.bff().require().portForwardTo().orElse(null), targets.bff().require().transportRefusal())) {
            rounds("port-forward", settings, client);
        }
    }

    private static void rounds(String path, Settings settings, BffClient client) {
        for (int round = -2; round < 5; round++) {
            long start = System.nanoTime();
            List<TenantProbeResult> results = new PilotGatingProbe(client, settings.gating).probe(settings.gating.nonPilotTenants());
            long millis = (System.nanoTime() - start) / 1_000_000;
            long bad = GateExpectation.REFUSED.judgeAll(results, settings.gating.deniedErrorCode()).findings().size();
            System.out.printf("%-12s %s %d tenants in %d ms (%d not refused), concurrency %d%n", path, round < 0 ? "warm-up" : "round  ",
                    results.size(), millis, bad, settings.gating.concurrency());
        }
    }
}
