package io.ironlease.omapi.interop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Carries TCP connections into a network namespace through a Unix socket, which (being a file) is
 * reachable from both sides: {@link #main} runs inside the namespace ({@code ip netns exec NS java ...})
 * and connects each Unix-socket client to a TCP address there; the test side accepts on loopback and
 * connects each client to the Unix socket. Nothing outside loopback and the test's namespace is used.
 */
public final class Relay {

    private Relay() {
    }

    /**
     * Inside the namespace: {@code Relay SOCKET_PATH HOST PORT}. Prints READY once listening and exits
     * when its standard input closes (the test ended) or after 15 minutes.
     */
    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        InetSocketAddress target = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
        Files.deleteIfExists(path);
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(path));
        daemon(() -> {
            try {
                System.in.read();
            } catch (IOException ignored) {
                // parent gone
            }
            System.exit(0);
        });
        daemon(() -> {
            try {
                Thread.sleep(15 * 60 * 1000L);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            System.exit(0);
        });
        System.out.println("READY");
        System.out.flush();
        while (true) {
            SocketChannel client = listener.accept();
            Socket server = new Socket();
            try {
                server.connect(target, 5000);
            } catch (IOException e) {
                client.close();
                server.close();
                continue;
            }
            splice(client, server);
        }
    }

    /** Test side: accepts on 127.0.0.1 and hands each connection to the Unix socket. Returns the port. */
    public static int forwardLoopbackTo(Path socketPath) throws IOException {
        java.net.ServerSocket listener = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        daemon(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    SocketChannel inner = SocketChannel.open(UnixDomainSocketAddress.of(socketPath));
                    splice(inner, client);
                } catch (IOException e) {
                    return;
                }
            }
        });
        return listener.getLocalPort();
    }

    /**
     * Copies both ways between a Unix-socket channel and a TCP socket; either side ending closes both.
     * The channel is used directly: its stream adapters share one lock and would block each other.
     */
    private static void splice(SocketChannel unix, Socket tcp) throws IOException {
        ReadableByteChannel tcpIn = Channels.newChannel(tcp.getInputStream());
        WritableByteChannel tcpOut = Channels.newChannel(tcp.getOutputStream());
        Runnable closeBoth = () -> {
            try {
                unix.close();
            } catch (IOException ignored) {
                // already closed
            }
            try {
                tcp.close();
            } catch (IOException ignored) {
                // already closed
            }
        };
        daemon(() -> copy(unix, tcpOut, closeBoth));
        daemon(() -> copy(tcpIn, unix, closeBoth));
    }

    private static void copy(ReadableByteChannel in, WritableByteChannel out, Runnable closeBoth) {
        ByteBuffer buffer = ByteBuffer.allocate(16384);
        try {
            while (in.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException ignored) {
            // the other direction or the peer closed
        } finally {
            closeBoth.run();
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "relay");
        thread.setDaemon(true);
        thread.start();
    }
}
