package io.ironlease.server.failover.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback between two failover peers that a test can cut and restore: it listens on
 * {@code listen} and connects each accepted connection to {@code target} from {@code source} (the
 * address the target expects its partner at). {@link #cut(boolean)} either closes every connection
 * (both peers see the TCP close) or goes silent (connections stay open, nothing is forwarded: the
 * peers notice only after max-response-delay); while cut, new connections are accepted and held
 * unanswered. {@link #restore()} drops what was held and forwards again. Test-only; every thread ends
 * with its sockets, which {@link #close} closes.
 */
final class TcpCutProxy implements AutoCloseable {

    private record Pair(Socket in, Socket out) {
        void close() {
            quiet(in);
            quiet(out);
        }
    }

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final InetAddress source;
    private final List<Pair> pairs = new CopyOnWriteArrayList<>();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger generation = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean cut;
    private volatile boolean closed;

    TcpCutProxy(InetSocketAddress listen, InetSocketAddress target, InetAddress source) throws IOException {
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(listen);
        this.target = target;
        this.source = source;
        this.acceptor = new Thread(this::acceptLoop, "tcp-cut-proxy-" + listen.getPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    boolean isCut() {
        return cut;
    }

    /** Cuts the link: {@code silently} keeps the connections open but forwards nothing. */
    void cut(boolean silently) {
        cut = true;
        generation.incrementAndGet();
        if (!silently) {
            pairs.forEach(Pair::close);
            pairs.clear();
        }
    }

    /** Forwards again; connections that were cut silently or held are closed (each peer reconnects). */
    void restore() {
        cut = false;
        generation.incrementAndGet();
        pairs.forEach(Pair::close);
        pairs.clear();
        held.forEach(TcpCutProxy::quiet);
        held.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket in;
            try {
                in = server.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                held.add(in);
                continue;
            }
            try {
                Socket out = new Socket();
                out.bind(new InetSocketAddress(source, 0));
                out.connect(target, 2000);
                Pair pair = new Pair(in, out);
                pairs.add(pair);
                int gen = generation.get();
                pump(in, out, pair, gen);
                pump(out, in, pair, gen);
            } catch (IOException e) {
                quiet(in);
            }
        }
    }

    private void pump(Socket from, Socket to, Pair pair, int gen) throws IOException {
        InputStream input = from.getInputStream();
        OutputStream output = to.getOutputStream();
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try {
                int n;
                while ((n = input.read(buffer)) >= 0) {
                    if (generation.get() != gen) {
                        continue; // cut silently: swallow, the peer sees nothing
                    }
                    output.write(buffer, 0, n);
                    output.flush();
                }
            } catch (IOException ignored) {
                // the other side closed, or the proxy cut the link
            } finally {
                pair.close();
                pairs.remove(pair);
            }
        }, "tcp-cut-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void quiet(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        pairs.forEach(Pair::close);
        held.forEach(TcpCutProxy::quiet);
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
