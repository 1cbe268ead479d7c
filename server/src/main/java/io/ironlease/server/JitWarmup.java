package io.ironlease.server;

import io.ironlease.server.alloc.AddressPlan;
import io.ironlease.server.alloc.AllocationEngine;
import io.ironlease.server.alloc.HostTable;
import io.ironlease.server.alloc.LeaseOwnershipPolicy;
import io.ironlease.server.dhcp.ClientClassifier;
import io.ironlease.server.dhcp.DhcpCodec;
import io.ironlease.server.dhcp.DhcpMessageProcessor;
import io.ironlease.server.dhcp.DhcpOptions;
import io.ironlease.server.dhcp.DhcpPacket;
import io.ironlease.server.dhcp.DhcpParseException;
import io.ironlease.server.dhcp.DhcpPorts;
import io.ironlease.server.dhcp.DhcpServerEngine;
import io.ironlease.server.dhcp.EngineCounters;
import io.ironlease.server.dhcp.MessageType;
import io.ironlease.server.dhcp.OptionSets;
import io.ironlease.server.dhcp.ServerIdentity;
import io.ironlease.server.engine.LeaseEngine;
import io.ironlease.server.net.DhcpCounters;
import io.ironlease.server.net.DhcpDatagramHandler;
import io.ironlease.server.net.RateLimitedLog;
import io.ironlease.server.store.LeaseStore;
import io.ironlease.shared.config.ConfigException;
import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.leases.LeaseFileRecord;
import io.ironlease.shared.leases.LeaseFileWriter;
import io.ironlease.shared.leases.LeaseTable;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostResolver;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Runs synthetic relayed DORAs through the server's own code (socket handler, codec, engine, lease
 * record encoding) on a scratch configuration before the sockets open, so that the JIT has compiled
 * the hot path when the first real clients arrive: a server restarted under load (every client
 * retrying at once) otherwise answers its first seconds at interpreter speed. Touches no real state;
 * bounded in time and count.
 */
final class JitWarmup {

    private static final String CONFIG = """
            authoritative; ping-check false; default-lease-time 3600; one-lease-per-client on;
            shared-network warmup {
              subnet 127.0.0.0 netmask 255.0.0.0 { }
              subnet 10.0.0.0 netmask 255.255.0.0 {
                option routers 10.0.0.1; option domain-name-servers 10.0.0.2; option domain-name "warmup.test";
                pool { range 10.0.1.0 10.0.255.254; }
              }
            }
            """;
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.3", 67);
    private static final InetSocketAddress RELAY = new InetSocketAddress("127.0.0.2", 67);

    private JitWarmup() {
    }

    /** Returns the number of exchanges run. */
    static int run(Duration budget, int maxExchanges) {
        DhcpConfig config;
        try {
            config = ConfigLoader.parseStrict("warmup.conf", CONFIG);
        } catch (ConfigException e) {
            throw new IllegalStateException(e);
        }
        Clock clock = Clock.systemUTC();
        AllocationEngine alloc = new AllocationEngine(AddressPlan.build(config), HostTable.of(config),
                LeaseOwnershipPolicy.STANDALONE, HostResolver.NONE);
        LeaseEngine engine = new LeaseEngine(alloc, new EncodingStore(), Runnable::run, clock);
        EngineCounters counters = new EngineCounters();
        RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(JitWarmup.class), clock, Duration.ofHours(1));
        DhcpMessageProcessor processor = new DhcpMessageProcessor(alloc,
                new ServerIdentity(Set.of(Ipv4Address.of(SERVER.getAddress()))), new OptionSets(HostResolver.NONE, () -> 0),
                ClientClassifier.NONE, counters, false, log);
        DhcpServerEngine handler = new DhcpServerEngine(engine, null, processor, null, counters, 1);
        EmbeddedChannel channel = new EmbeddedChannel(new DhcpDatagramHandler(handler, DhcpPorts.DEFAULT,
                Optional.empty(), DhcpDatagramHandler.ReplyChannels.receiving(), new DhcpCounters(), log, clock));
        long deadline = System.nanoTime() + budget.toNanos();
        int n = 0;
        try {
            for (; n < maxExchanges && System.nanoTime() < deadline; n++) {
                HardwareAddress mac = HardwareAddress.ethernet(new byte[] {2, 0, 0, (byte) (n >>> 16), (byte) (n >>> 8),
                        (byte) n});
                byte[] uid = {1, 2, 0, 0, (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
                DhcpPacket offer = exchange(channel, request(mac, uid, n, o -> { }));
                if (offer != null) {
                    exchange(channel, request(mac, uid, n, o -> o.messageType(MessageType.DHCPREQUEST)
                            .requestedAddress(offer.yiaddr()).serverIdentifier(Ipv4Address.of(SERVER.getAddress()))));
                }
                if (n % 4096 == 0) {
                    alloc.expire(clock.instant().getEpochSecond() + 7200);
                }
            }
        } finally {
            channel.finishAndReleaseAll();
        }
        return n;
    }

    private static DhcpPacket request(HardwareAddress mac, byte[] uid, int xid,
            Consumer<io.ironlease.server.dhcp.DhcpOptionsBuilder> extra) {
        var options = DhcpOptions.builder().messageType(MessageType.DHCPDISCOVER).clientIdentifier(uid)
                .parameterRequestList(List.of(1, 28, 2, 3, 15, 6, 12));
        extra.accept(options);
        return DhcpPacket.builder().chaddr(mac).xid(xid).hops(1).giaddr(Ipv4Address.of(RELAY.getAddress()))
                .options(options.build()).build();
    }

    private static DhcpPacket exchange(EmbeddedChannel channel, DhcpPacket request) {
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(DhcpCodec.encode(request)), SERVER, RELAY));
        channel.runPendingTasks();
        DhcpPacket reply = null;
        for (Object out; (out = channel.readOutbound()) != null;) {
            DatagramPacket datagram = (DatagramPacket) out;
            ByteBuf content = datagram.content();
            try {
                byte[] bytes = new byte[content.readableBytes()];
                content.getBytes(content.readerIndex(), bytes);
                reply = DhcpCodec.decode(bytes);
            } catch (DhcpParseException e) {
                reply = null;
            } finally {
                datagram.release();
            }
        }
        return reply;
    }

    /** Encodes what it is given as the journal would (so that path warms up too) and keeps nothing. */
    private static final class EncodingStore implements LeaseStore {
        private final LeaseFileWriter writer = new LeaseFileWriter();

        @Override
        public void replay(Consumer<? super LeaseFileRecord> sink) {
        }

        @Override
        public CompletableFuture<Void> append(List<? extends LeaseFileRecord> batch) {
            batch.forEach(writer::encode);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> compact(LeaseTable state) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public long bytesSinceCompaction() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
