package io.ironlease.omapi.testing;

import io.ironlease.omapi.wire.OmapiFrame;
import io.ironlease.omapi.wire.StartupMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Plays dhcpd's side of a captured session on loopback: sends the captured start-up, and after each
 * client message that matches the capture byte for byte, the captured server messages answering it.
 * Whatever the client sent is kept, so a test can compare it with omshell's stream.
 */
public final class ReplayServer implements AutoCloseable {

    private final GoldenVectors.Session session;
    private final ServerSocket listener;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> finished = new CompletableFuture<>();

    public ReplayServer(GoldenVectors.Session session) throws IOException {
        this.session = session;
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "replay-" + session.name());
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Completes with the client's bytes when the client disconnects, deviates, or the script ends. */
    public CompletableFuture<byte[]> clientBytes() {
        return finished;
    }

    private void serve() {
        try (Socket socket = listener.accept()) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            out.write(Arrays.copyOf(session.serverStream(), StartupMessage.LENGTH));
            if (!readExpected(in, Arrays.copyOf(session.clientStream(), StartupMessage.LENGTH))) {
                return;
            }
            List<OmapiFrame> replies = session.serverMessages();
            for (OmapiFrame request : session.clientMessages()) {
                if (!readExpected(in, request.bytes())) {
                    return;
                }
                for (OmapiFrame reply : replies) {
                    if (reply.message().rid() == request.message().id()) {
                        out.write(reply.bytes());
                    }
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client went away: what it sent so far is the result
        } finally {
            finished.complete(received.toByteArray());
        }
    }

    private boolean readExpected(InputStream in, byte[] expected) throws IOException {
        byte[] got = in.readNBytes(expected.length);
        received.writeBytes(got);
        return Arrays.equals(got, expected);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
