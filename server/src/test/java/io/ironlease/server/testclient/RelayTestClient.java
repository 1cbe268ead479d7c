package io.ironlease.server.testclient;

import io.ironlease.server.dhcp.DhcpCodec;
import io.ironlease.server.dhcp.DhcpOptions;
import io.ironlease.server.dhcp.DhcpOptionsBuilder;
import io.ironlease.server.dhcp.DhcpPacket;
import io.ironlease.server.dhcp.MessageType;
import io.ironlease.server.dhcp.RelayAgentInformation;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DHCP client simulator for integration tests and benchmarks that behaves like a relay agent: it
 * binds the relay address (giaddr) at the server port, sets giaddr and hops on every message and
 * sends it by unicast to the server, so a server on loopback with an unprivileged port can be driven
 * without broadcasts. It runs DORA, renew, INIT-REBOOT, release, decline and inform for any number
 * of simulated clients (distinct chaddr and client identifier), retransmits on timeout, and records
 * every DHCPACK it sees ({@link #acks()}) for invariant checks after crashes and failovers.
 */
public final class RelayTestClient implements AutoCloseable {

    /**
     * @param server where the server listens
     * @param relayAddress the relay's address, used as giaddr and bound for replies
     * @param relayPort the port bound for replies: the server port, where servers answer relays
     * @param timeout wait per attempt
     * @param attempts transmissions per exchange (bounded retransmission)
     * @param agentInformation add option 82 (circuit id, remote id) as a switch would
     * @param alsoTo more servers that get every message too, as from a relay with several helper
     *        addresses (a failover pair); they must answer at {@code relayPort} as well
     */
    public record Config(InetSocketAddress server, InetAddress relayAddress, int relayPort, Duration timeout,
            int attempts, boolean agentInformation, List<InetSocketAddress> alsoTo) {

        public Config {
            alsoTo = List.copyOf(alsoTo);
        }

        public Config(InetSocketAddress server, InetAddress relayAddress, int relayPort, Duration timeout, int attempts,
                boolean agentInformation) {
            this(server, relayAddress, relayPort, timeout, attempts, agentInformation, List.of());
        }

        /** Relay 127.0.0.2 at the server's port: replies from a server on 127.0.0.1 come back here. */
        public static Config loopback(InetSocketAddress server) {
            return new Config(server, Ipv4Address.parse("127.0.0.2").toInetAddress(), server.getPort(),
                    Duration.ofSeconds(2), 3, false);
        }

        public Config withTimeout(Duration perAttempt, int maxAttempts) {
            return new Config(server, relayAddress, relayPort, perAttempt, maxAttempts, agentInformation, alsoTo);
        }

        public Config withAgentInformation(boolean on) {
            return new Config(server, relayAddress, relayPort, timeout, attempts, on, alsoTo);
        }

        /** Every message also goes to {@code others} (a relay with two helper addresses, for a failover pair). */
        public Config withAlsoTo(List<InetSocketAddress> others) {
            return new Config(server, relayAddress, relayPort, timeout, attempts, agentInformation, others);
        }

        /** Where every message goes: {@code server}, then {@code alsoTo}. */
        public List<InetSocketAddress> destinations() {
            List<InetSocketAddress> all = new ArrayList<>();
            all.add(server);
            all.addAll(alsoTo);
            return all;
        }
    }

    /** A simulated client: chaddr 02:00:ii:ii:ii:ii and client identifier 01 + chaddr. */
    public record SimulatedClient(int index, HardwareAddress chaddr, byte[] clientId) {
    }

    /** An acknowledged lease as the client sees it. */
    public record Lease(SimulatedClient client, Ipv4Address address, Ipv4Address serverId, long leaseTime) {
    }

    private final Config config;
    private final Ipv4Address giaddr;
    private final ReplyReceiver receiver;
    private final AtomicInteger nextXid = new AtomicInteger((int) System.nanoTime());

    private RelayTestClient(Config config, ReplyReceiver receiver) {
        this.config = config;
        this.giaddr = Ipv4Address.of(config.relayAddress());
        this.receiver = receiver;
    }

    public static RelayTestClient open(Config config) throws IOException {
        return new RelayTestClient(config, ReplyReceiver.bind(
                new InetSocketAddress(config.relayAddress(), config.relayPort()), config.destinations(),
                Clock.systemUTC()));
    }

    public SimulatedClient client(int index) {
        byte[] mac = {2, 0, (byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index};
        byte[] id = new byte[7];
        id[0] = 1;
        System.arraycopy(mac, 0, id, 1, 6);
        return new SimulatedClient(index, HardwareAddress.ethernet(mac), id);
    }

    /** DISCOVER, OFFER, REQUEST (SELECTING), ACK. */
    public Lease dora(SimulatedClient client) throws IOException {
        return await(doraAsync(client));
    }

    public CompletableFuture<Lease> doraAsync(SimulatedClient client) {
        int xid = nextXid.incrementAndGet();
        DhcpPacket discover = message(client, xid, MessageType.DHCPDISCOVER, Ipv4Address.ANY).build();
        return exchange(discover, MessageType.DHCPOFFER).thenCompose(offer -> {
            Ipv4Address server = offer.options().serverIdentifier().orElse(Ipv4Address.ANY);
            DhcpPacket request = message(client, xid, MessageType.DHCPREQUEST, Ipv4Address.ANY,
                    o -> o.requestedAddress(offer.yiaddr()).serverIdentifier(server)).build();
            return exchange(request, MessageType.DHCPACK);
        }).thenApply(ack -> lease(client, ack));
    }

    /** DORA for every client, at most {@code inFlight} at a time; failures are rethrown after all ran. */
    public List<Lease> doraAll(List<SimulatedClient> clients, int inFlight) throws IOException {
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<Lease>> futures = new ArrayList<>();
        for (SimulatedClient client : clients) {
            slots.acquireUninterruptibly();
            futures.add(doraAsync(client).whenComplete((l, e) -> slots.release()));
        }
        List<Lease> leases = new ArrayList<>();
        for (CompletableFuture<Lease> future : futures) {
            leases.add(await(future));
        }
        return leases;
    }

    /** A renewal through the relay: REQUEST with ciaddr, no server identifier (RFC 2131 4.3.2). */
    public Lease renew(Lease lease) throws IOException {
        DhcpPacket request = message(lease.client(), nextXid.incrementAndGet(), MessageType.DHCPREQUEST,
                lease.address()).build();
        return lease(lease.client(), await(exchange(request, MessageType.DHCPACK)));
    }

    /** INIT-REBOOT: REQUEST for {@code address} (option 50) without server identifier or ciaddr. */
    public Lease reboot(SimulatedClient client, Ipv4Address address) throws IOException {
        DhcpPacket request = message(client, nextXid.incrementAndGet(), MessageType.DHCPREQUEST, Ipv4Address.ANY,
                o -> o.requestedAddress(address)).build();
        return lease(client, await(exchange(request, MessageType.DHCPACK)));
    }

    public void release(Lease lease) throws IOException {
        receiver.send(message(lease.client(), nextXid.incrementAndGet(), MessageType.DHCPRELEASE, lease.address(),
                o -> o.serverIdentifier(lease.serverId())).build());
    }

    public void decline(Lease lease) throws IOException {
        receiver.send(message(lease.client(), nextXid.incrementAndGet(), MessageType.DHCPDECLINE, Ipv4Address.ANY,
                o -> o.requestedAddress(lease.address()).serverIdentifier(lease.serverId())).build());
    }

    /**
     * DHCPINFORM without ciaddr, so that the ACK comes back through the relay (servers answer an
     * INFORM with ciaddr at ciaddr, which a relay simulator cannot receive).
     */
    public DhcpPacket inform(SimulatedClient client) throws IOException {
        DhcpPacket inform = message(client, nextXid.incrementAndGet(), MessageType.DHCPINFORM, Ipv4Address.ANY)
                .build();
        return await(exchange(inform, MessageType.DHCPACK));
    }

    /** Every DHCPACK received so far, in arrival order. */
    public List<AckRecord> acks() {
        return receiver.acks();
    }

    /** Every DHCPOFFER received so far (from any server), in arrival order; requestType DHCPDISCOVER. */
    public List<AckRecord> offers() {
        return receiver.offers();
    }

    public long naksReceived() {
        return receiver.naks();
    }

    /** Sends {@code request} and waits (with retransmissions) for a reply of {@code expected} type. */
    public CompletableFuture<DhcpPacket> exchange(DhcpPacket request, MessageType expected) {
        return receiver.exchange(request, expected, config.timeout(), config.attempts());
    }

    /** A request skeleton as a relay forwards it: giaddr, hops 1, client id, PRL, option 82 if configured. */
    public DhcpPacket.Builder message(SimulatedClient client, int xid, MessageType type, Ipv4Address ciaddr) {
        return message(client, xid, type, ciaddr, o -> { });
    }

    private DhcpPacket.Builder message(SimulatedClient client, int xid, MessageType type, Ipv4Address ciaddr,
            java.util.function.Consumer<DhcpOptionsBuilder> extra) {
        DhcpOptionsBuilder options = DhcpOptions.builder().messageType(type).clientIdentifier(client.clientId());
        extra.accept(options);
        if (type != MessageType.DHCPRELEASE && type != MessageType.DHCPDECLINE) {
            options.parameterRequestList(List.of(1, 3, 6, 15, 28, 51, 58, 59));
        }
        if (config.agentInformation()) {
            options.relayAgentInformation(RelayAgentInformation.of(
                    ("relay-test/" + client.index()).getBytes(StandardCharsets.US_ASCII), client.chaddr().bytes()));
        }
        return DhcpPacket.builder().chaddr(client.chaddr()).xid(xid).hops(1).ciaddr(ciaddr).giaddr(giaddr)
                .options(options.build());
    }

    private static Lease lease(SimulatedClient client, DhcpPacket ack) {
        return new Lease(client, ack.yiaddr(), ack.options().serverIdentifier().orElse(Ipv4Address.ANY),
                ack.options().leaseTime().orElse(-1));
    }

    private <T> T await(CompletableFuture<T> future) throws IOException {
        long limit = config.timeout().toMillis() * config.attempts() * 3 + 1000;
        try {
            return future.get(limit, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new DhcpExchangeException(DhcpExchangeException.Reason.TIMEOUT, "no answer in " + limit + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Encodes with the codec, for tests that want raw bytes. */
    public static byte[] encode(DhcpPacket packet) {
        return DhcpCodec.encode(packet);
    }

    @Override
    public void close() {
        receiver.close();
    }
}
