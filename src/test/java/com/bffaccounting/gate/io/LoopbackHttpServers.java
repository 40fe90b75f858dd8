package com.bffaccounting.gate.io;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The JDK's HTTP server on a loopback port, for what the suite serves itself (the simulated BFF and registry,
 * the client's warm-up). It answers at once on a kept-alive connection, as Node's http server does (noDelay):
 * the JDK's default lets Nagle hold a response's body until the client's delayed ACK, 40 ms a request. The
 * property is read once, when the first server of the JVM is made, so every one is made here.
 */
public final class LoopbackHttpServers {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LoopbackHttpServers() {
    }

    /** @param port 0 for any free one */
    public static HttpServer create(int port, int backlog) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
    }
}
