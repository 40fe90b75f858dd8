package com.bffaccounting.gate.sim.cluster;

import com.bffaccounting.gate.io.Daemons;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * One port-forward stream of the simulated API server: the {@code pods/portforward} subresource in
 * the websocket channel protocol that kubectl and fabric8 speak ({@code v4.channel.k8s.io}). On open
 * the server announces the port on the data channel (0) and the error channel (1); then every frame is
 * a channel byte followed by bytes, relayed to and from the pod's port — here the simulated BFF's.
 */
final class PortForwardRelay extends WebSocketListener {
    private final InetSocketAddress pod;
    private final int port;
    private volatile Socket socket;

    PortForwardRelay(InetSocketAddress pod, int port) {
        this.pod = pod;
        this.port = port;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        byte[] announce = {(byte) (port & 0xff), (byte) ((port >> 8) & 0xff)};
        webSocket.send(channel(0, announce, announce.length));
        webSocket.send(channel(1, announce, announce.length));
        try {
            socket = new Socket();
            socket.setTcpNoDelay(true); // a request relayed whole goes at once, not after the pod's delayed ACK
            socket.connect(pod, 5000);
        } catch (IOException e) {
            byte[] error = ("error forwarding port " + port + ": " + e.getMessage()).getBytes();
            webSocket.send(channel(1, error, error.length));
            webSocket.close(1000, "pod port unreachable");
            return;
        }
        Daemons.start("sim-port-forward", () -> relayFromPod(webSocket));
    }

    private void relayFromPod(WebSocket webSocket) {
        byte[] buffer = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                webSocket.send(channel(0, buffer, read));
            }
        } catch (IOException e) {
            // the stream closed from either side: the websocket is closed below
        }
        webSocket.close(1000, "pod closed the connection");
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
        if (bytes.length < 1 || bytes[0] != 0 || socket == null) {
            return;
        }
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes, 1, bytes.length - 1);
            out.flush();
        } catch (IOException e) {
            webSocket.close(1011, "cannot write to the pod: " + e.getMessage());
        }
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        onMessage(webSocket, bytes.toByteArray());
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        close();
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        close();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        close();
    }

    private void close() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private static byte[] channel(int channel, byte[] data, int length) {
        byte[] frame = new byte[length + 1];
        frame[0] = (byte) channel;
        System.arraycopy(data, 0, frame, 1, length);
        return frame;
    }
}
