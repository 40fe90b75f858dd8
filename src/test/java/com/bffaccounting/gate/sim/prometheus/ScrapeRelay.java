package com.bffaccounting.gate.sim.prometheus;

import com.bffaccounting.gate.io.Daemons;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP relay a Prometheus can be told to scrape before the server behind it exists: until
 * {@link #pointTo} it refuses every connection at once (Prometheus records {@code up == 0}), then it
 * relays each connection to the target, byte for byte. It lets a Prometheus start — and sit out its
 * five-second wait for targets — before the simulated BFF it will scrape has a port.
 */
final class ScrapeRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile InetSocketAddress target;

    ScrapeRelay() {
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for a scrape relay", e);
        }
        Daemons.start("scrape-relay-" + listener.getLocalPort(), this::accept);
    }

    /** host:port to scrape. */
    String address() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    /** From now on, connections are relayed to {@code target}. */
    void pointTo(InetSocketAddress target) {
        this.target = target;
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            InetSocketAddress to = target;
            if (to == null) {
                closeQuietly(client);
                continue;
            }
            Daemons.start("scrape-relay-connection", () -> relay(client, to));
        }
    }

    private void relay(Socket client, InetSocketAddress to) {
        open.add(client);
        try (Socket server = new Socket()) {
            open.add(server);
            server.connect(to, 5000);
            Daemons.start("scrape-relay-upstream", () -> pump(client, server));
            pump(server, client);
        } catch (IOException e) {
            // the target refused or went away: the scraper sees a closed connection, as it would without the relay
        } finally {
            closeQuietly(client);
            open.remove(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // either side closed: the other is closed below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // nothing was accepted on it any more
        }
        open.forEach(ScrapeRelay::closeQuietly);
    }
}
