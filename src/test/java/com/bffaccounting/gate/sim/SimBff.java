package com.bffaccounting.gate.sim;

import com.bffaccounting.gate.io.LoopbackHttpServers;
import com.bffaccounting.gate.io.LoopbackPorts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The simulated bff-accounting: an in-process HTTP server that implements CONTRACT.md — health,
 * readiness, pilot tenant gating, Prometheus metrics, external-sync metrics — and nothing more.
 * Each fault of the BFF breaks exactly one of those behaviours ({@link FaultEffects.Bff}).
 *
 * <p>It is a stand-in for the Node.js service, so that every check runs end to end without a cluster
 * and can be proven able to fail. Reports say when a run was against it.
 */
public final class SimBff implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ROLES_ALLOWED_TO_READ_AUDIT = Set.of("operator", "auditor", "admin");

    private volatile SimBffConfig config;
    private final Clock clock;
    private final SimLog log;
    private final SimBffMetrics metrics;
    private HttpServer server;
    /** When it does not listen (bff-down): a port nothing listens on. */
    private int refusingPort;
    private ExecutorService executor;

    public SimBff(SimBffConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.metrics = new SimBffMetrics(() -> this.config, clock);
        this.log = new SimLog(clock);
    }

    /** Starts on a free loopback port. */
    public SimBff start() {
        return start(0);
    }

    /** Starts on {@code port} of the loopback interface (0: any free port). */
    public SimBff start(int port) {
        if (!config.breaks().listens) {
            // The process is "up" (its pods exist and log) but nothing listens: every connection is refused.
            refusingPort = LoopbackPorts.free();
            log.error("bff-accounting failed to listen: EADDRNOTAVAIL (simulated: refuses connections)");
            return this;
        }
        try {
            server = LoopbackHttpServers.create(port, 512);
        } catch (IOException e) {
            throw new UncheckedIOException("SimBff: cannot open a loopback port", e);
        }
        executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "sim-bff");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        log.info("bff-accounting listening on port " + port() + " allowlist=" + config.allowlistJson()
                + " (simulated)");
        return this;
    }

    public int port() {
        return server == null ? refusingPort : server.getAddress().getPort();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /**
     * A new rollout of the simulated deployment: the BFF now runs with the allowlist its pods were given.
     * A missing or unparsable allowlist is what the real service would see as "no list" — every tenant in.
     */
    public void reconfigure(List<String> allowlist) {
        SimBffConfig old = config;
        config = new SimBffConfig(allowlist, old.syncSources(), old.breaks(), old.routes());
        log.info("bff-accounting restarted by a rollout, allowlist=" + config.allowlistJson() + " (simulated)");
    }

    /** What it runs with now (the faults, the allowlist of the last rollout). */
    public SimBffConfig config() {
        return config;
    }

    public SimLog log() {
        return log;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            SimBffConfig.Routes routes = config.routes();
            String tenant = exchange.getRequestHeaders().getFirst(routes.tenantHeader());
            Response response;
            if (path.equals(routes.healthPath())) {
                response = health();
            } else if (path.equals(routes.readyPath())) {
                response = ready();
            } else if (path.equals(routes.metricsPath())) {
                String agent = exchange.getRequestHeaders().getFirst("User-Agent");
                if (agent != null && agent.startsWith("Prometheus/")) {
                    metrics.scrapedByPrometheus();
                }
                response = metrics(tenant);
            } else if (routes.gated(path)) {
                response = gated(exchange, tenant);
            } else {
                response = Response.json(404, Map.of("error_code", "NOT_FOUND", "message", "no route " + path));
            }
            metrics.count(exchange.getRequestMethod(), path, response.status, tenant);
            log.info(exchange.getRequestMethod() + " " + path + " " + response.status + " tenant="
                    + (tenant == null ? "-" : tenant));
            byte[] body = response.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType);
            exchange.sendResponseHeaders(response.status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private Response health() {
        if (config.breaks().healthStatus != 200) {
            return Response.json(config.breaks().healthStatus, Map.of("status", "error", "message", "internal error"));
        }
        return Response.json(200, Map.of("status", "ok"));
    }

    private Response ready() {
        if (config.breaks().readyStatus != 200) {
            return Response.json(config.breaks().readyStatus, Map.of("status", "not_ready", "reason", "database unreachable"));
        }
        return Response.json(200, Map.of("status", "ready"));
    }

    private Response metrics(String tenant) {
        if (config.breaks().metricsNeedTenant && tenant == null) {
            return Response.json(403, Map.of("error_code", "TENANT_REQUIRED", "message", "X-Tenant header required"));
        }
        return new Response(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render());
    }

    private Response gated(HttpExchange exchange, String tenant) {
        if (tenant == null || tenant.isBlank()) {
            return Response.json(400, Map.of("error_code", "TENANT_REQUIRED", "message", "X-Tenant header required"));
        }
        if (!tenantEnabled(tenant)) {
            FaultEffects.Bff breaks = config.breaks();
            if (breaks.refusalsLogged) {
                log.warn(config.routes().deniedErrorCode() + " tenant=" + tenant + " path=" + exchange.getRequestURI().getPath());
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error_code", breaks.refusalCode != null ? breaks.refusalCode : config.routes().deniedErrorCode());
            if (breaks.refusalEchoesTenant) {
                body.put("tenant", tenant);
            }
            body.put("message", "Tenant not enabled for pilot");
            return Response.json(403, body);
        }
        FaultEffects.Bff.PilotAnswer answer = config.breaks().pilotAnswer;
        if (answer == FaultEffects.Bff.PilotAnswer.ROLE_FORBIDDEN) {
            return Response.json(403, Map.of("error_code", "FORBIDDEN", "message", "role may not read the audit log"));
        }
        if (answer == FaultEffects.Bff.PilotAnswer.UNAUTHORIZED) {
            return Response.json(401, Map.of("error_code", "UNAUTHORIZED", "message", "authentication required"));
        }
        String role = exchange.getRequestHeaders().getFirst("X-User-Role");
        if (role == null || !ROLES_ALLOWED_TO_READ_AUDIT.contains(role)) {
            return Response.json(403, Map.of("error_code", "ROLE_FORBIDDEN", "message", "role may not read the audit log"));
        }
        return Response.json(200, Map.of("items", List.of(), "page", 1, "page_size", 1, "total", 0));
    }

    /** The gate as CONTRACT.md defines it: exact, case-sensitive match; an empty allowlist lets everyone in. */
    private boolean tenantEnabled(String tenant) {
        List<String> allowlist = config.allowlist();
        FaultEffects.Bff breaks = config.breaks();
        if (!breaks.gateEnforced || allowlist.isEmpty()) {
            return true;
        }
        if (breaks.lastPilotRefused && tenant.equals(allowlist.get(allowlist.size() - 1))) {
            return false;
        }
        if (breaks.gateIgnoresCase) {
            return allowlist.stream().anyMatch(tenant::equalsIgnoreCase);
        }
        return allowlist.contains(tenant);
    }

    private record Response(int status, String contentType, String body) {
        static Response json(int status, Map<String, ?> body) {
            try {
                return new Response(status, "application/json; charset=utf-8", JSON.writeValueAsString(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
