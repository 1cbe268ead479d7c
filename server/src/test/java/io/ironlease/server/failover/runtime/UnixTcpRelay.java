package io.ironlease.server.failover.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries failover TCP connections between the test's network namespace and one it created, through
 * Unix sockets (files, reachable from both): {@code tcp2unix} accepts TCP and connects each client to
 * a Unix socket; {@code unix2tcp} accepts on a Unix socket and connects each client over TCP from a
 * given source address (ISC dhcpd accepts its partner only from the configured peer address). Either
 * side closing closes both. Only loopback and the test's own namespace are used.
 */
final class UnixTcpRelay implements AutoCloseable {

    private final List<AutoCloseable> listeners = new ArrayList<>();

    /** TCP on {@code listen} to the Unix socket {@code path}. */
    UnixTcpRelay tcpToUnix(InetSocketAddress listen, Path path) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET);
        server.bind(listen);
        listeners.add(server);
        daemon("relay-accept-" + listen.getPort(), () -> acceptLoop(server,
                () -> SocketChannel.open(UnixDomainSocketAddress.of(path))));
        return this;
    }

    /** The Unix socket {@code path} to TCP {@code target}, connecting from {@code from} (port 0). */
    UnixTcpRelay unixToTcp(Path path, InetSocketAddress target, InetAddress from) throws IOException {
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        listeners.add(server);
        daemon("relay-accept-" + path.getFileName(), () -> acceptLoop(server, () -> {
            SocketChannel tcp = SocketChannel.open(StandardProtocolFamily.INET);
            try {
                tcp.bind(new InetSocketAddress(from, 0));
                tcp.connect(target);
                return tcp;
            } catch (IOException e) {
                tcp.close();
                throw e;
            }
        }));
        return this;
    }

    InetSocketAddress tcpAddress(int index) throws IOException {
        return (InetSocketAddress) ((ServerSocketChannel) listeners.get(index)).getLocalAddress();
    }

    private interface Opener {
        SocketChannel open() throws IOException;
    }

    private static void acceptLoop(ServerSocketChannel server, Opener opener) {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                splice(client, opener.open());
            } catch (IOException e) {
                closeQuietly(client); // the far side is not there: the client sees the connection end
            }
        }
    }

    private static void splice(SocketChannel a, SocketChannel b) {
        Runnable closeBoth = () -> {
            closeQuietly(a);
            closeQuietly(b);
        };
        daemon("relay-copy", () -> copy(a, b, closeBoth));
        daemon("relay-copy", () -> copy(b, a, closeBoth));
    }

    private static void copy(SocketChannel from, SocketChannel to, Runnable closeBoth) {
        ByteBuffer buffer = ByteBuffer.allocate(16384);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException ignored) {
            // reset, or the other direction closed first
        } finally {
            closeBoth.run();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        listeners.forEach(UnixTcpRelay::closeQuietly);
    }

    /**
     * Inside a namespace: {@code tcp2unix HOST PORT PATH} and {@code unix2tcp PATH HOST PORT FROM}
     * groups, any number. Prints READY when listening; exits when standard input closes (the test
     * ended or died) or after 15 minutes at most.
     */
    public static void main(String[] args) throws Exception {
        UnixTcpRelay relay = new UnixTcpRelay();
        for (int i = 0; i < args.length; ) {
            if (args[i].equals("tcp2unix")) {
                relay.tcpToUnix(new InetSocketAddress(args[i + 1], Integer.parseInt(args[i + 2])), Path.of(args[i + 3]));
                i += 4;
            } else if (args[i].equals("unix2tcp")) {
                relay.unixToTcp(Path.of(args[i + 1]), new InetSocketAddress(args[i + 2], Integer.parseInt(args[i + 3])),
                        InetAddress.getByName(args[i + 4]));
                i += 5;
            } else {
                throw new IllegalArgumentException("unknown relay kind " + args[i]);
            }
        }
        daemon("relay-lifetime", () -> {
            try {
                Thread.sleep(15 * 60 * 1000L); // a bound on a stray process, not a test wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(0);
        });
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the test closes our standard input
        }
        System.exit(0);
    }
}
