package io.ironlease.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.dhcp.DhcpCodec;
import io.ironlease.server.dhcp.DhcpOptions;
import io.ironlease.server.dhcp.DhcpPacket;
import io.ironlease.server.dhcp.DhcpParseException;
import io.ironlease.server.dhcp.DhcpPorts;
import io.ironlease.server.dhcp.MessageType;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DhcpDatagramHandlerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final InetSocketAddress SERVER = new InetSocketAddress("10.0.0.1", 6767);
    private static final InetSocketAddress RELAY = new InetSocketAddress("192.0.2.1", 6767);

    private final DhcpCounters counters = new DhcpCounters();
    private final List<DhcpRequest> seen = new ArrayList<>();

    private EmbeddedChannel channel(DhcpRequestHandler handler) {
        RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(getClass()), CLOCK, Duration.ofSeconds(10));
        return new EmbeddedChannel(new DhcpDatagramHandler(request -> {
            seen.add(request);
            return handler.handle(request);
        }, DhcpPorts.of(6767), Optional.empty(), DhcpDatagramHandler.ReplyChannels.receiving(), counters, log, CLOCK));
    }

    private static DhcpPacket discover(boolean relayed) {
        return DhcpPacket.builder().chaddr(HardwareAddress.parseEthernet("02:00:00:00:00:07")).xid(77)
                .giaddr(relayed ? Ipv4Address.parse("192.0.2.1") : Ipv4Address.ANY)
                .options(DhcpOptions.builder().messageType(MessageType.DHCPDISCOVER).build()).build();
    }

    private static DhcpPacket answer(DhcpPacket request, MessageType type) {
        return DhcpPacket.replyTo(request).yiaddr(Ipv4Address.parse("10.0.0.50"))
                .options(DhcpOptions.builder().messageType(type).serverIdentifier(Ipv4Address.parse("10.0.0.1"))
                        .build()).build();
    }

    private static DatagramPacket datagram(byte[] bytes, InetSocketAddress from) {
        return new DatagramPacket(Unpooled.wrappedBuffer(bytes), SERVER, from);
    }

    private static DhcpPacket decode(DatagramPacket sent) throws DhcpParseException {
        try {
            return DhcpCodec.decode(ByteBufUtil.getBytes(sent.content()));
        } finally {
            sent.release();
        }
    }

    @Test
    void relayedRequestIsAnsweredToTheRelay() throws Exception {
        EmbeddedChannel ch = channel(r -> CompletableFuture.completedFuture(
                List.of(answer(r.packet(), MessageType.DHCPOFFER))));
        ch.writeInbound(datagram(DhcpCodec.encode(discover(true)), RELAY));
        DatagramPacket sent = ch.readOutbound();
        assertThat(sent.recipient()).isEqualTo(new InetSocketAddress("192.0.2.1", 6767));
        DhcpPacket offer = decode(sent);
        assertThat(offer.messageType()).contains(MessageType.DHCPOFFER);
        assertThat(offer.xid()).isEqualTo(77);
        assertThat(seen.get(0).info().source()).isEqualTo(RELAY);
        assertThat(seen.get(0).info().local()).isEqualTo(SERVER);
        assertThat(seen.get(0).info().receivedAt()).isEqualTo(CLOCK.instant());
        assertThat(counters.snapshot()).isEqualTo(new DhcpCounters.Snapshot(1, 0, 0, 1, 0));
    }

    @Test
    void directClientWithoutAddressGetsABroadcast() throws Exception {
        EmbeddedChannel ch = channel(r -> CompletableFuture.completedFuture(
                List.of(answer(r.packet(), MessageType.DHCPOFFER))));
        ch.writeInbound(datagram(DhcpCodec.encode(discover(false)), new InetSocketAddress("0.0.0.0", 6768)));
        DatagramPacket sent = ch.readOutbound();
        assertThat(sent.recipient()).isEqualTo(new InetSocketAddress("255.255.255.255", 6768));
        assertThat(decode(sent).yiaddr()).isEqualTo(Ipv4Address.parse("10.0.0.50"));
    }

    @Test
    void malformedPacketsAreCountedAndTheSocketKeepsServing() throws Exception {
        EmbeddedChannel ch = channel(r -> CompletableFuture.completedFuture(
                List.of(answer(r.packet(), MessageType.DHCPOFFER))));
        ch.writeInbound(datagram(new byte[100], RELAY));
        byte[] bad = DhcpCodec.encode(discover(true));
        bad[240] = 53;
        bad[241] = 9;
        ch.writeInbound(datagram(bad, RELAY));
        assertThat((Object) ch.readOutbound()).isNull();
        assertThat(ch.isActive()).isTrue();
        ch.writeInbound(datagram(DhcpCodec.encode(discover(true)), RELAY));
        assertThat(decode(ch.readOutbound()).messageType()).contains(MessageType.DHCPOFFER);
        assertThat(counters.snapshot()).isEqualTo(new DhcpCounters.Snapshot(3, 2, 0, 1, 0));
        assertThat(seen).hasSize(1);
    }

    @Test
    void bootRepliesAndHandlerFailuresAreDropped() {
        EmbeddedChannel ch = channel(r -> {
            if (r.packet().xid() == 1) {
                throw new IllegalStateException("engine bug");
            }
            return CompletableFuture.failedFuture(new IllegalStateException("store full"));
        });
        DhcpPacket reply = answer(discover(true), MessageType.DHCPOFFER);
        ch.writeInbound(datagram(DhcpCodec.encode(reply), RELAY));
        ch.writeInbound(datagram(DhcpCodec.encode(discover(true).toBuilder().xid(1).build()), RELAY));
        ch.writeInbound(datagram(DhcpCodec.encode(discover(true)), RELAY));
        assertThat((Object) ch.readOutbound()).isNull();
        assertThat(counters.snapshot()).isEqualTo(new DhcpCounters.Snapshot(3, 0, 3, 0, 0));
        assertThat(ch.isActive()).isTrue();
    }

    @Test
    void repliesMayComeLaterAndSeveralOrNone() throws Exception {
        List<CompletableFuture<List<DhcpPacket>>> pending = new ArrayList<>();
        EmbeddedChannel ch = channel(r -> {
            CompletableFuture<List<DhcpPacket>> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        });
        ch.writeInbound(datagram(DhcpCodec.encode(discover(true)), RELAY));
        ch.writeInbound(datagram(DhcpCodec.encode(discover(true).toBuilder().xid(78).build()), RELAY));
        assertThat((Object) ch.readOutbound()).isNull();
        pending.get(1).complete(List.of());
        DhcpPacket request = seen.get(0).packet();
        pending.get(0).complete(List.of(answer(request, MessageType.DHCPOFFER), answer(request, MessageType.DHCPNAK)));
        ch.runPendingTasks();
        assertThat(decode(ch.readOutbound()).messageType()).contains(MessageType.DHCPOFFER);
        DhcpPacket nak = decode(ch.readOutbound());
        assertThat(nak.messageType()).contains(MessageType.DHCPNAK);
        assertThat(nak.broadcast()).isTrue();
        assertThat(counters.snapshot().repliesSent()).isEqualTo(2);
    }

    @Test
    void repliesRespectTheClientsMaximumSize() throws Exception {
        DhcpPacket big = discover(true).withOptions(discover(true).options().toBuilder().maxMessageSize(576).build());
        EmbeddedChannel ch = channel(r -> CompletableFuture.completedFuture(List.of(answer(r.packet(),
                MessageType.DHCPOFFER).withOptions(answer(r.packet(), MessageType.DHCPOFFER).options().toBuilder()
                .put(43, new byte[250]).put(120, new byte[100]).put(121, new byte[200]).build()))));
        ch.writeInbound(datagram(DhcpCodec.encode(big), RELAY));
        DatagramPacket sent = ch.readOutbound();
        assertThat(sent.content().readableBytes()).isLessThanOrEqualTo(548);
        // 43 fills the options field, 120 moves to the file field (overload), 121 fits nowhere
        assertThat(decode(sent).options().codes()).containsExactly(53, 54, 43, 52, 120);
    }
}
