package io.ironlease.server.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real packets from ISC dhcpd, dhclient, perfdhcp and the lab (see golden/dhcp/README.md). */
class DhcpCodecGoldenTest {

    private static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dhclient-discover", "isc-offer-direct", "dhclient-request-selecting", "isc-ack-direct",
        "dhclient-request-renewing", "isc-ack-renewing", "dhclient-release", "perfdhcp-discover", "isc-offer-relayed",
        "perfdhcp-request", "isc-ack-relayed", "relay-discover-agent-info", "relay-request-agent-info", "relay-inform",
        "isc-ack-inform", "relay-request-wrong-subnet", "isc-nak-relayed", "relay-release", "relay-decline",
        "lab-discover", "isc-failover-offer", "lab-request", "isc-failover-ack", "lab-release"})
    void reencodesToTheSameBytes(String name) throws Exception {
        byte[] original = GoldenVectors.bytes(name);
        DhcpPacket packet = DhcpCodec.decode(original);
        byte[] expected = Arrays.copyOf(original, Math.max(original.length, DhcpCodec.BOOTP_MIN_LENGTH));
        assertThat(HexFormat.of().formatHex(DhcpCodec.encode(packet, 1500)))
                .isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void dhclientDiscover() {
        DhcpPacket p = GoldenVectors.packet("dhclient-discover");
        assertThat(p.op()).isEqualTo(BootOp.BOOTREQUEST);
        assertThat(p.chaddr()).isEqualTo(HardwareAddress.parseEthernet("02:00:00:77:00:01"));
        assertThat(p.htype()).isEqualTo(1);
        assertThat(p.hlen()).isEqualTo(6);
        assertThat(p.xid()).isEqualTo(0xc4ee3528);
        assertThat(p.hops()).isZero();
        assertThat(p.broadcast()).isFalse();
        assertThat(p.giaddr().isAny()).isTrue();
        assertThat(p.messageType()).contains(MessageType.DHCPDISCOVER);
        assertThat(p.options().hostName()).contains("golden-client");
        assertThat(p.options().parameterRequestList()).containsExactly(1, 28, 2, 3, 15, 6, 119, 12, 26, 42);
        assertThat(p.options().codes()).containsExactly(53, 12, 55);
        assertThat(p.sname()).isEmpty();
        assertThat(p.file()).isEmpty();
    }

    @Test
    void iscOfferToDirectClientFollowsPrlWithMaskFirst() {
        DhcpPacket p = GoldenVectors.packet("isc-offer-direct");
        assertThat(p.op()).isEqualTo(BootOp.BOOTREPLY);
        assertThat(p.messageType()).contains(MessageType.DHCPOFFER);
        assertThat(p.yiaddr()).isEqualTo(ip("10.77.0.100"));
        assertThat(p.options().serverIdentifier()).contains(ip("10.77.0.1"));
        assertThat(p.options().leaseTime()).hasValue(20);
        assertThat(p.options().codes()).containsExactly(53, 54, 51, 1, 28, 3, 15, 6);
        assertThat(p.options().address(OptionCodes.ROUTERS)).contains(ip("10.77.0.1"));
        assertThat(p.options().text(OptionCodes.DOMAIN_NAME)).contains("golden.test");
        List<Integer> prl = GoldenVectors.packet("dhclient-discover").options().parameterRequestList();
        assertThat(OptionOrdering.forReply(prl, List.of(53, 3, 6, 15, 54, 51, 1, 28)))
                .containsExactly(53, 54, 51, 1, 28, 3, 15, 6);
    }

    @Test
    void dhclientSelectingAndRenewing() {
        DhcpPacket selecting = GoldenVectors.packet("dhclient-request-selecting");
        assertThat(selecting.messageType()).contains(MessageType.DHCPREQUEST);
        assertThat(selecting.options().serverIdentifier()).contains(ip("10.77.0.1"));
        assertThat(selecting.options().requestedAddress()).contains(ip("10.77.0.100"));
        assertThat(selecting.ciaddr().isAny()).isTrue();
        DhcpPacket renewing = GoldenVectors.packet("dhclient-request-renewing");
        assertThat(renewing.ciaddr()).isEqualTo(ip("10.77.0.100"));
        assertThat(renewing.options().serverIdentifier()).isEmpty();
        assertThat(renewing.options().requestedAddress()).isEmpty();
        assertThat(GoldenVectors.packet("isc-ack-renewing").options().leaseTime()).hasValue(20);
        DhcpPacket release = GoldenVectors.packet("dhclient-release");
        assertThat(release.messageType()).contains(MessageType.DHCPRELEASE);
        assertThat(release.ciaddr()).isEqualTo(ip("10.77.0.100"));
    }

    @Test
    void perfdhcpRelayedDiscover() {
        DhcpPacket p = GoldenVectors.packet("perfdhcp-discover");
        assertThat(p.hops()).isEqualTo(1);
        assertThat(p.xid()).isZero();
        assertThat(p.giaddr()).isEqualTo(ip("10.78.0.1"));
        assertThat(p.relayed()).isTrue();
        assertThat(p.chaddr()).isEqualTo(HardwareAddress.parseEthernet("00:0c:01:02:03:04"));
        assertThat(p.options().clientIdentifier()).hasValueSatisfying(id ->
                assertThat(HexFormat.of().formatHex(id)).isEqualTo("01000c01020304"));
        assertThat(p.options().parameterRequestList()).containsExactly(1, 28, 2, 3, 15, 6, 12);
        DhcpPacket request = GoldenVectors.packet("perfdhcp-request");
        assertThat(request.options().requestedAddress()).contains(ip("10.78.0.100"));
        assertThat(request.options().serverIdentifier()).contains(ip("10.79.0.1"));
        assertThat(GoldenVectors.packet("isc-ack-relayed").yiaddr()).isEqualTo(ip("10.78.0.100"));
    }

    @Test
    void relayAgentInformationSubOptions() {
        DhcpPacket p = GoldenVectors.packet("relay-discover-agent-info");
        RelayAgentInformation agent = p.options().relayAgentInformation().orElseThrow();
        assertThat(agent.circuitId()).hasValueSatisfying(id ->
                assertThat(new String(id, StandardCharsets.US_ASCII)).isEqualTo("ge-0/0/1.100"));
        assertThat(agent.remoteId()).hasValueSatisfying(id ->
                assertThat(HexFormat.of().formatHex(id)).isEqualTo("0011223344ff"));
        assertThat(agent.hasRelaySourcePort()).isFalse();
        assertThat(p.options().maxMessageSize()).hasValue(576);
        assertThat(DhcpCodec.maxReplyLength(p)).isEqualTo(548);
    }

    @ParameterizedTest
    @ValueSource(strings = {"isc-offer-overload-agent-info", "isc-ack-overload-agent-info"})
    void iscOverloadedReplyWithoutEndInOptionsField(String name) throws Exception {
        byte[] original = GoldenVectors.bytes(name);
        DhcpPacket p = DhcpCodec.decode(original);
        assertThat(p.options().overload()).contains(Overload.FILE);
        assertThat(p.file()).isEmpty();
        assertThat(p.yiaddr()).isEqualTo(ip("10.78.0.102"));
        assertThat(p.options().codes()).containsExactly(53, 54, 51, 1, 3, 6, 15, 119, 52, 82);
        byte[] search = p.options().get(OptionCodes.DOMAIN_SEARCH).orElseThrow();
        assertThat(search).hasSize(251 + 104);
        String text = new String(search, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("\ralpha-network\u0006zone-a\0").endsWith("\u000cpapa-network\u0006zone-p\0");
        DhcpPacket request = GoldenVectors.packet("relay-discover-agent-info");
        assertThat(p.options().relayAgentInformation()).isEqualTo(request.options().relayAgentInformation());

        DhcpCodec.Encoded ours = DhcpCodec.encodeReporting(p, DhcpCodec.maxReplyLength(request));
        assertThat(ours.droppedCodes()).isEmpty();
        assertThat(ours.overload()).contains(Overload.FILE);
        assertThat(ours.bytes().length).isLessThanOrEqualTo(548 + 24);
        DhcpPacket again = DhcpCodec.decode(ours.bytes());
        assertThat(again.options().without(52).equalsIgnoringOrder(p.options().without(52))).isTrue();
        assertThat(again.toBuilder().options(p.options()).build()).isEqualTo(p);
    }

    @Test
    void informAckAndRelayedNak() {
        DhcpPacket inform = GoldenVectors.packet("relay-inform");
        assertThat(inform.messageType()).contains(MessageType.DHCPINFORM);
        assertThat(inform.ciaddr()).isEqualTo(ip("10.78.0.55"));
        DhcpPacket ack = GoldenVectors.packet("isc-ack-inform");
        assertThat(ack.options().leaseTime()).isEmpty();
        assertThat(ack.yiaddr().isAny()).isTrue();
        assertThat(ack.ciaddr()).isEqualTo(ip("10.78.0.55"));
        assertThat(ReplyRouting.destinationFor(inform, ack, ip("10.78.0.1"), 67, DhcpPorts.DEFAULT))
                .isEqualTo(ReplyDestination.unicast(ip("10.78.0.55"), 68));

        DhcpPacket wrong = GoldenVectors.packet("relay-request-wrong-subnet");
        assertThat(wrong.options().requestedAddress()).contains(ip("10.77.0.120"));
        DhcpPacket nak = GoldenVectors.packet("isc-nak-relayed");
        assertThat(nak.messageType()).contains(MessageType.DHCPNAK);
        assertThat(nak.broadcast()).isTrue();
        assertThat(nak.options().text(OptionCodes.MESSAGE)).isPresent();
        DhcpPacket unflagged = nak.withFlags(0);
        ReplyRouting.RoutedReply routed = ReplyRouting.route(wrong, unflagged, ip("10.78.0.1"), 67, DhcpPorts.DEFAULT);
        assertThat(routed.reply()).isEqualTo(nak);
        assertThat(routed.destination()).isEqualTo(ReplyDestination.relay(ip("10.78.0.1"), 67));
    }

    @Test
    void labFailoverExchange() {
        DhcpPacket discover = GoldenVectors.packet("lab-discover");
        assertThat(discover.giaddr()).isEqualTo(ip("192.168.100.10"));
        assertThat(discover.options().parameterRequestList()).containsExactly(1, 3, 6, 15, 28, 51, 119);
        DhcpPacket offer = GoldenVectors.packet("isc-failover-offer");
        assertThat(offer.options().serverIdentifier()).contains(ip("192.168.100.32"));
        assertThat(offer.options().codes()).containsExactly(53, 54, 51, 1, 3, 6, 28, 119);
        assertThat(GoldenVectors.packet("isc-failover-ack").options().leaseTime()).hasValue(60);
        DhcpPacket release = GoldenVectors.packet("lab-release");
        assertThat(release.messageType()).contains(MessageType.DHCPRELEASE);
        assertThat(release.ciaddr().isAny()).isFalse();
        assertThat(Optional.of(release.options().serverIdentifier().orElseThrow())).contains(ip("192.168.100.31"));
    }
}
