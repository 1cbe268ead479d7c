package io.ironlease.shell.interop;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A loopback server that sends the OMAPI start-up message and then only reads: omshell's
 * {@code connect} without a key succeeds against it and nothing else is ever answered, which is all
 * the parser quirk scripts need.
 */
final class StartupOnlyServer implements AutoCloseable {

    private static final byte[] STARTUP = {0, 0, 0, 100, 0, 0, 0, 24};
    private final ServerSocket listener;

    StartupOnlyServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "startup-only");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread reader = new Thread(() -> drain(socket), "startup-only-conn");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void drain(Socket socket) {
        try (socket; InputStream in = socket.getInputStream()) {
            socket.getOutputStream().write(STARTUP);
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // omshell sends its start-up and nothing else here
            }
        } catch (IOException ignored) {
            // the shell went away
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
