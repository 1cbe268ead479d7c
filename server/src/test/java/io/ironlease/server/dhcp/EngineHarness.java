package io.ironlease.server.dhcp;

import io.ironlease.server.alloc.AddressPlan;
import io.ironlease.server.alloc.AllocationEngine;
import io.ironlease.server.alloc.HostTable;
import io.ironlease.server.alloc.LeaseOwnershipPolicy;
import io.ironlease.server.engine.LeaseEngine;
import io.ironlease.server.net.DhcpRequest;
import io.ironlease.server.net.ListenerInterface;
import io.ironlease.server.net.RateLimitedLog;
import io.ironlease.server.net.ReceiveInfo;
import io.ironlease.server.store.InMemoryLeaseStore;
import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseFileRecord;
import io.ironlease.shared.leases.LeaseRecord;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The DHCP engine without threads or sockets: requests run inline, the store is in memory, time is
 * a settable clock. Server address 192.0.2.1 (relay-facing); interface eth0 at 10.0.0.1.
 */
final class EngineHarness {

    static final Ipv4Address SERVER = Ipv4Address.parse("192.0.2.1");
    static final ListenerInterface ETH0 = new ListenerInterface("eth0", 2, Optional.of(Ipv4Address.parse("10.0.0.1")));

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        long epoch() {
            return now.getEpochSecond();
        }
    }

    final MutableClock clock = new MutableClock();
    final InMemoryLeaseStore store;
    final AllocationEngine alloc;
    final LeaseEngine engine;
    final EngineCounters counters = new EngineCounters();
    final DhcpServerEngine handler;
    private int xid = 100;

    EngineHarness(String config, Map<String, List<Ipv4Address>> dns, Pinger pinger, LeaseOwnershipPolicy policy,
            List<LeaseFileRecord> initial) {
        try {
            DhcpConfig parsed = ConfigLoader.parseStrict("test.conf", config);
            CachedHostResolver resolver = new CachedHostResolver(name -> dns.getOrDefault(name, List.of()));
            resolver.register(ConfigHostNames.of(parsed));
            resolver.refreshNow();
            store = new InMemoryLeaseStore(initial);
            alloc = new AllocationEngine(AddressPlan.build(parsed), HostTable.of(parsed), policy, resolver);
            engine = new LeaseEngine(alloc, store, Runnable::run, clock);
            engine.replay();
            DhcpMessageProcessor processor = new DhcpMessageProcessor(alloc,
                    new ServerIdentity(Set.of(SERVER, ETH0.address().get())), new OptionSets(resolver, resolver::generation),
                    ClientClassifier.of(parsed), counters, pinger != null,
                    new RateLimitedLog(LoggerFactory.getLogger("test"), clock, Duration.ofSeconds(10)));
            handler = new DhcpServerEngine(engine, null, processor, pinger, counters, 100);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    EngineHarness(String config) {
        this(config, Map.of(), null, LeaseOwnershipPolicy.STANDALONE, List.of());
    }

    /** A simulated client: chaddr 02:00:00:00:00:nn, client identifier 01 + chaddr unless {@code noUid}. */
    record Client(HardwareAddress mac, byte[] uid) {
        static Client of(int n) {
            byte[] mac = {2, 0, 0, 0, (byte) (n >>> 8), (byte) n};
            byte[] uid = new byte[7];
            uid[0] = 1;
            System.arraycopy(mac, 0, uid, 1, 6);
            return new Client(HardwareAddress.ethernet(mac), uid);
        }

        static Client withoutUid(int n) {
            return new Client(of(n).mac(), null);
        }
    }

    static ReceiveInfo relayedTo(Ipv4Address server) {
        return new ReceiveInfo(new InetSocketAddress(Ipv4Address.parse("10.1.0.1").toInetAddress(), 67),
                new InetSocketAddress(server.toInetAddress(), 67), Optional.empty(), Instant.EPOCH);
    }

    static ReceiveInfo broadcastOnEth0() {
        return new ReceiveInfo(new InetSocketAddress(Ipv4Address.ANY.toInetAddress(), 68),
                new InetSocketAddress(Ipv4Address.BROADCAST.toInetAddress(), 67), Optional.of(ETH0), Instant.EPOCH);
    }

    static ReceiveInfo unicastFrom(Ipv4Address client, Ipv4Address server) {
        return new ReceiveInfo(new InetSocketAddress(client.toInetAddress(), 68),
                new InetSocketAddress(server.toInetAddress(), 67), Optional.empty(), Instant.EPOCH);
    }

    /** A client message; relayed through {@code giaddr} unless it is 0.0.0.0. */
    DhcpPacket message(Client c, MessageType type, Ipv4Address giaddr, Consumer<DhcpOptionsBuilder> options) {
        DhcpOptionsBuilder o = DhcpOptions.builder().messageType(type);
        if (c.uid() != null) {
            o.clientIdentifier(c.uid());
        }
        options.accept(o);
        return DhcpPacket.builder().chaddr(c.mac()).xid(xid++).giaddr(giaddr).hops(giaddr.isAny() ? 0 : 1)
                .options(o.build()).build();
    }

    List<DhcpPacket> send(DhcpPacket packet, ReceiveInfo info) {
        return handler.handle(new DhcpRequest(packet, info)).toCompletableFuture().getNow(null);
    }

    /** Sends and expects exactly one reply. */
    DhcpPacket one(DhcpPacket packet, ReceiveInfo info) {
        List<DhcpPacket> replies = send(packet, info);
        if (replies == null || replies.size() != 1) {
            throw new AssertionError("expected one reply, got " + replies);
        }
        return replies.get(0);
    }

    /** DORA through the relay 10.1.0.1; returns the ACK. */
    DhcpPacket dora(Client c) {
        Ipv4Address gi = Ipv4Address.parse("10.1.0.1");
        DhcpPacket offer = one(message(c, MessageType.DHCPDISCOVER, gi, o -> { }), relayedTo(SERVER));
        return one(message(c, MessageType.DHCPREQUEST, gi, o -> o.requestedAddress(offer.yiaddr())
                .serverIdentifier(SERVER)), relayedTo(SERVER));
    }

    /** Everything written so far (after handing the store what is queued). */
    List<LeaseFileRecord> records() {
        engine.flush();
        return store.records();
    }

    /** Leases in the store, latest record per address. */
    Map<Ipv4Address, Lease> durable() {
        engine.flush();
        Map<Ipv4Address, Lease> out = new java.util.HashMap<>();
        for (LeaseFileRecord r : store.records()) {
            if (r instanceof LeaseRecord l) {
                out.put(l.lease().ip(), l.lease());
            }
        }
        return out;
    }

    List<Lease> durableHistory(Ipv4Address ip) {
        List<Lease> out = new ArrayList<>();
        for (LeaseFileRecord r : store.records()) {
            if (r instanceof LeaseRecord l && l.lease().ip().equals(ip)) {
                out.add(l.lease());
            }
        }
        return out;
    }

    /** Advances the clock and runs the engine's periodic work. */
    void advance(Duration d) {
        clock.advance(d);
        engine.tick();
        engine.flush();
    }
}
