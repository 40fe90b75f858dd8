package com.bffaccounting.gate.kube;

import com.bffaccounting.gate.io.Daemons;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.PortForward;
import io.fabric8.kubernetes.client.dsl.PodResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local end of {@code kubectl port-forward}, as kubectl has it: listening on the loopback interface only,
 * and sending every write at once (TCP_NODELAY, as Go's sockets do). fabric8's own LocalPortForward listens on
 * every interface — the BFF of a production cluster reachable from the network for as long as a run lasts —
 * and leaves Nagle's algorithm on, so that an answer the pod sends in two writes (headers, then body) waits
 * for the client's delayed ACK before its second part. Each accepted connection is one stream of fabric8's
 * port-forward, as with fabric8's own.
 */
public final class LoopbackPortForward implements LocalPortForward {
    private final ServerSocketChannel server;
    private final AtomicBoolean alive = new AtomicBoolean(true);
    /** Every stream opened, kept to the end: a refused one's throwables say why (PortForwards.refusal). */
    private final List<PortForward> streams = new CopyOnWriteArrayList<>();

    private LoopbackPortForward(ServerSocketChannel server) {
        this.server = server;
    }

    /** Forwards a free loopback port to {@code port} of {@code pod}, one stream per connection. */
    public static LoopbackPortForward open(PodResource pod, int port) {
        ServerSocketChannel server;
        try {
            server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for the port-forward", e);
        }
        LoopbackPortForward forward = new LoopbackPortForward(server);
        Daemons.start("port-forward-accept", () -> forward.acceptFor(pod, port));
        return forward;
    }

    private void acceptFor(PodResource pod, int port) {
        while (alive.get()) {
            try {
                SocketChannel connection = server.accept();
                connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
                streams.add(pod.portForward(port, connection, connection));
            } catch (IOException e) {
                close(); // the server socket was closed (or broke): no more connections
            }
        }
    }

    @Override
    public InetAddress getLocalAddress() {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    public int getLocalPort() {
        return server.socket().getLocalPort();
    }

    @Override
    public boolean isAlive() {
        return alive.get();
    }

    @Override
    public boolean errorOccurred() {
        return streams.stream().anyMatch(PortForward::errorOccurred);
    }

    @Override
    public Collection<Throwable> getClientThrowables() {
        List<Throwable> all = new ArrayList<>();
        streams.forEach(s -> all.addAll(s.getClientThrowables()));
        return all;
    }

    @Override
    public Collection<Throwable> getServerThrowables() {
        List<Throwable> all = new ArrayList<>();
        streams.forEach(s -> all.addAll(s.getServerThrowables()));
        return all;
    }

    @Override
    public void close() {
        if (!alive.compareAndSet(true, false)) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            // closing: nothing more to say
        }
        for (PortForward stream : streams) {
            try {
                stream.close();
            } catch (IOException e) {
                // closing: the others are closed still
            }
        }
    }
}
