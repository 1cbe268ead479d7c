package io.ironlease.server.probe;

import io.ironlease.server.dhcp.DhcpCodec;
import io.ironlease.server.dhcp.DhcpOptions;
import io.ironlease.server.dhcp.DhcpOptionsBuilder;
import io.ironlease.server.dhcp.DhcpPacket;
import io.ironlease.server.dhcp.DhcpParseException;
import io.ironlease.server.dhcp.MessageType;
import io.ironlease.server.dhcp.OptionCodes;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A one-client DHCP exchange as a relay agent makes it (RFC 2131 4.1, RFC 1542): the probe binds the
 * relay address at the server port, sets giaddr, and sends every message by unicast to each server
 * it knows, as a relay with several helper addresses does. Servers on loopback with unprivileged
 * ports can so be checked without broadcasts or root. Blocking and bounded by its timeout.
 */
public final class DhcpProbe implements AutoCloseable {

    /** What the client learnt: the address, who granted it and the options that came with it. */
    public record Grant(HardwareAddress client, Ipv4Address address, Ipv4Address serverIdentifier,
            InetSocketAddress answeredFrom, long leaseSeconds, DhcpOptions options) {
    }

    /** An exchange that did not end in an ACK. */
    public static final class ProbeException extends IOException {
        private static final long serialVersionUID = 1L;

        public ProbeException(String message) {
            super(message);
        }
    }

    /** Options a typical client asks for: mask, routers, DNS, domain name, broadcast, domain search. */
    private static final List<Integer> REQUESTED = List.of(1, 3, 6, 15, 28, 119);

    private final DatagramSocket socket;
    private final List<InetSocketAddress> servers;
    private final Ipv4Address relay;
    private final Duration timeout;
    private final int attempts;

    private DhcpProbe(DatagramSocket socket, List<InetSocketAddress> servers, Ipv4Address relay,
            Duration timeout, int attempts) {
        this.socket = socket;
        this.servers = List.copyOf(servers);
        this.relay = relay;
        this.timeout = timeout;
        this.attempts = attempts;
    }

    /** Binds {@code relay} at {@code port}, where servers send their replies to relays. */
    public static DhcpProbe open(List<Ipv4Address> servers, int port, Ipv4Address relay, Duration timeout, int attempts)
            throws IOException {
        DatagramSocket socket;
        try {
            socket = new DatagramSocket(new InetSocketAddress(relay.toInetAddress(), port));
        } catch (IOException e) {
            throw new IOException("cannot bind the relay address " + relay + ":" + port + ": " + e.getMessage(), e);
        }
        List<InetSocketAddress> targets = servers.stream()
                .map(s -> new InetSocketAddress(s.toInetAddress(), port)).toList();
        return new DhcpProbe(socket, targets, relay, timeout, attempts);
    }

    /** A locally administered MAC address (02:...), random unless the caller picks one. */
    public static HardwareAddress randomClient() {
        byte[] mac = new byte[6];
        ThreadLocalRandom.current().nextBytes(mac);
        mac[0] = 2;
        return HardwareAddress.ethernet(mac);
    }

    /** DISCOVER, the first OFFER, REQUEST for it, ACK. */
    public Grant lease(HardwareAddress client) throws IOException {
        int xid = ThreadLocalRandom.current().nextInt();
        long started = System.nanoTime();
        DhcpPacket offer = exchange(message(client, xid, MessageType.DHCPDISCOVER, DhcpOptions.builder()), xid,
                MessageType.DHCPOFFER, started).packet();
        Ipv4Address server = offer.options().serverIdentifier()
                .orElseThrow(() -> new ProbeException("the OFFER carries no server identifier"));
        Reply ack = exchange(message(client, xid, MessageType.DHCPREQUEST, DhcpOptions.builder()
                .requestedAddress(offer.yiaddr()).serverIdentifier(server)), xid, MessageType.DHCPACK, started);
        DhcpPacket packet = ack.packet();
        return new Grant(client, packet.yiaddr(), packet.options().serverIdentifier().orElse(server), ack.from(),
                packet.options().leaseTime().orElse(0), packet.options());
    }

    /** DHCPRELEASE of a grant, sent to the server that granted it (no reply comes). */
    public void release(Grant grant) throws IOException {
        DhcpPacket release = message(grant.client(), ThreadLocalRandom.current().nextInt(), MessageType.DHCPRELEASE,
                DhcpOptions.builder().serverIdentifier(grant.serverIdentifier()))
                .ciaddr(grant.address()).build();
        byte[] bytes = DhcpCodec.encode(release);
        socket.send(new DatagramPacket(bytes, bytes.length, grant.answeredFrom()));
    }

    private DhcpPacket.Builder message(HardwareAddress client, int xid, MessageType type,
            DhcpOptionsBuilder options) {
        byte[] clientId = new byte[client.length() + 1];
        clientId[0] = (byte) client.type();
        System.arraycopy(client.bytes(), 0, clientId, 1, client.length());
        options.messageType(type).clientIdentifier(clientId).parameterRequestList(REQUESTED);
        return DhcpPacket.builder().chaddr(client).xid(xid).hops(1).giaddr(relay).options(options.build());
    }

    private record Reply(DhcpPacket packet, InetSocketAddress from) {
    }

    /**
     * Sends {@code request} to every server until the wanted reply comes. Each retransmission carries the
     * seconds since the client began (secs, RFC 2131 section 2), as dhclient does: a failover pair answers a
     * client from either server once secs passes {@code load balance max seconds}.
     */
    private Reply exchange(DhcpPacket.Builder request, int xid, MessageType wanted, long started) throws IOException {
        for (int attempt = 0; attempt < attempts; attempt++) {
            int secs = (int) Math.min(0xffff, (System.nanoTime() - started) / 1_000_000_000L);
            byte[] bytes = DhcpCodec.encode(request.secs(secs).build());
            for (InetSocketAddress server : servers) {
                socket.send(new DatagramPacket(bytes, bytes.length, server));
            }
            Optional<Reply> reply = awaitReply(xid, wanted);
            if (reply.isPresent()) {
                return reply.get();
            }
        }
        throw new ProbeException("no " + wanted + " from " + servers + " after " + attempts + " attempts of "
                + timeout.toMillis() + " ms");
    }

    /** The wanted reply for {@code xid} within one timeout; a NAK ends the exchange. */
    private Optional<Reply> awaitReply(int xid, MessageType wanted) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[1500];
        while (true) {
            // rounded up: a wait cut short by the truncation would retransmit early (and with secs one too low)
            long left = (deadline - System.nanoTime() + 999_999) / 1_000_000;
            if (left <= 0) {
                return Optional.empty();
            }
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            try {
                socket.receive(datagram);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            DhcpPacket reply;
            try {
                reply = DhcpCodec.decode(buffer, 0, datagram.getLength());
            } catch (DhcpParseException e) {
                continue; // a probe ignores what it cannot read
            }
            if (reply.xid() != xid) {
                continue;
            }
            InetSocketAddress from = (InetSocketAddress) datagram.getSocketAddress();
            MessageType type = reply.options().messageType().orElse(null);
            if (type == MessageType.DHCPNAK) {
                throw new ProbeException("DHCPNAK from " + from.getAddress().getHostAddress()
                        + reply.options().text(OptionCodes.MESSAGE).map(m -> ": " + m).orElse(""));
            }
            if (type == wanted) {
                return Optional.of(new Reply(reply, from));
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
