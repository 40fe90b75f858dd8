package com.bffaccounting.gate.sim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * SimBff as a process, started the way the checklist starts the real BFF locally: PORT and
 * OS_TENANT_ALLOWLIST_JSON from the environment, log on stdout. It lets the local-mode tests check a BFF
 * the suite starts with {@code -Dbff.command} — and stop — without Node.js.
 */
public final class SimBffMain {
    private SimBffMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8081"));
        List<String> allowlist = new ObjectMapper().readValue(System.getenv().getOrDefault("OS_TENANT_ALLOWLIST_JSON", "[]"),
                new TypeReference<List<String>>() { });
        List<SimBffConfig.SyncSource> sources = List.of(new SimBffConfig.SyncSource("bank-sbx", Duration.ofSeconds(20), 0.01));
        SimBff bff = new SimBff(new SimBffConfig(allowlist, sources, new FaultEffects.Bff()), Clock.systemUTC());
        bff.log().echoTo(System.out);
        bff.start(port);
        new CountDownLatch(1).await(); // serve until the process is stopped
    }
}
