package com.bffaccounting.gate.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for servers the suite starts, and for "nothing answers here". */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /**
     * A loopback port that was free a moment ago and that nothing listens on now: a connection is refused
     * until a server binds it. Ask for it on the thread that also frees ports for other servers, right
     * before it is used, so that a port freed a moment later is not handed out twice.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
