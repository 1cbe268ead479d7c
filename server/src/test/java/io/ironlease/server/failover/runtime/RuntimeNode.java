package io.ironlease.server.failover.runtime;

import io.ironlease.server.failover.FailoverSettings;
import io.ironlease.server.failover.FailoverStatus;
import io.ironlease.server.failover.link.PeerLink;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.Ipv4Address;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One of our servers in a runtime test: a lease-engine thread, the fake engine, its lease file and a
 * {@link FailoverRuntime}. Can be killed (no goodbye, like SIGKILL), restarted from its lease file, and
 * frozen (its engine thread blocked, like SIGSTOP: the kernel still takes the partner's bytes).
 */
final class RuntimeNode implements AutoCloseable {

    static final Ipv4Address FIRST = Ipv4Address.parse("192.168.100.33");

    final String name;
    final Path leaseFile;
    final OffsetClock clock;
    final int poolSize;
    FailoverSettings settings;
    PeerLink link;
    ScheduledExecutorService engine;
    ExecutorService disk;
    FakeEngineHooks hooks;
    FailoverRuntime runtime;
    private CountDownLatch frozen;

    RuntimeNode(String name, Path leaseFile, OffsetClock clock, int poolSize) {
        this.name = name;
        this.leaseFile = leaseFile;
        this.clock = clock;
        this.poolSize = poolSize;
    }

    /** Binds the listener on a free loopback port (before the settings, which need both ports). */
    int bind() throws IOException {
        link = PeerLink.bind(new InetSocketAddress("127.0.0.1", settings == null ? 0 : settings.localPort()));
        return link.listenAddress().getPort();
    }

    void start(FailoverSettings settings) throws Exception {
        this.settings = settings;
        if (link == null) {
            bind();
        }
        engine = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, name + "-engine"));
        disk = Executors.newSingleThreadExecutor(r -> new Thread(r, name + "-disk"));
        hooks = new FakeEngineHooks(settings.peerName(), settings.role(), FIRST, poolSize, clock, leaseFile, disk);
        runtime = new FailoverRuntime(settings, link, hooks, engine, clock);
        runtime.start(FakeEngineHooks.readPersisted(leaseFile, settings.peerName())).get(10, TimeUnit.SECONDS);
    }

    /** Process death: the partner sees the TCP connection close; nothing else is said. */
    void kill() throws InterruptedException {
        thaw();
        runtime.close();
        engine.shutdownNow();
        disk.shutdown();
        engine.awaitTermination(5, TimeUnit.SECONDS);
        disk.awaitTermination(5, TimeUnit.SECONDS);
        link = null;
    }

    void restart() throws Exception {
        bind();
        start(settings);
    }

    /** Blocks the engine thread until {@link #thaw}: timers, messages and hooks wait. */
    void freeze() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        frozen = release;
        engine.execute(() -> {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        entered.await(10, TimeUnit.SECONDS);
    }

    void thaw() {
        if (frozen != null) {
            frozen.countDown();
            frozen = null;
        }
    }

    FailoverStatus status() {
        return runtime.status();
    }

    boolean is(FailoverState mine, FailoverState partner) {
        FailoverStatus s = runtime.status();
        return runtime.myState() == mine && s.partnerState() == partner;
    }

    @Override
    public void close() throws InterruptedException {
        if (runtime != null && link != null) {
            kill();
        } else if (link != null) {
            link.close();
        }
    }
}
