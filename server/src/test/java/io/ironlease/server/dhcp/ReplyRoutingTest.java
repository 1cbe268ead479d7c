package io.ironlease.server.dhcp;

import static io.ironlease.server.dhcp.TestPackets.ip;
import static io.ironlease.server.dhcp.TestPackets.reply;
import static io.ironlease.server.dhcp.TestPackets.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.shared.net.Ipv4Address;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyRoutingTest {

    private static final DhcpPorts PORTS = DhcpPorts.of(6767);
    private static final Ipv4Address NO_SOURCE = Ipv4Address.ANY;

    private static ReplyRouting.RoutedReply route(DhcpPacket request, MessageType replyType) {
        return ReplyRouting.route(request, reply(request, replyType), NO_SOURCE, 68, PORTS);
    }

    @Test
    void relayedRepliesGoToGiaddrOnTheServerPort() {
        DhcpPacket discover = request(MessageType.DHCPDISCOVER).toBuilder().giaddr(ip("192.0.2.1")).build();
        ReplyRouting.RoutedReply routed = route(discover, MessageType.DHCPOFFER);
        assertThat(routed.destination()).isEqualTo(ReplyDestination.relay(ip("192.0.2.1"), 6767));
        assertThat(routed.reply().broadcast()).isFalse();
        DhcpPacket renew = discover.toBuilder().ciaddr(ip("10.0.0.10")).build();
        assertThat(route(renew, MessageType.DHCPACK).destination().kind()).isEqualTo(ReplyDestination.Kind.RELAY);
    }

    @Test
    void relayedNakSetsTheBroadcastBit() {
        DhcpPacket req = request(MessageType.DHCPREQUEST).toBuilder().giaddr(ip("192.0.2.1")).build();
        ReplyRouting.RoutedReply routed = route(req, MessageType.DHCPNAK);
        assertThat(routed.destination()).isEqualTo(ReplyDestination.relay(ip("192.0.2.1"), 6767));
        assertThat(routed.reply().broadcast()).isTrue();
    }

    @Test
    void directNakIsBroadcastEvenToAClientWithAnAddress() {
        DhcpPacket renew = request(MessageType.DHCPREQUEST).toBuilder().ciaddr(ip("10.0.0.10")).build();
        ReplyRouting.RoutedReply routed = route(renew, MessageType.DHCPNAK);
        assertThat(routed.destination()).isEqualTo(ReplyDestination.broadcast(6768));
        assertThat(routed.destination().address()).isEqualTo(Ipv4Address.BROADCAST);
    }

    @Test
    void renewingAndRebindingClientsGetUnicastToCiaddr() {
        DhcpPacket renew = request(MessageType.DHCPREQUEST).toBuilder().ciaddr(ip("10.0.0.10")).build();
        assertThat(route(renew, MessageType.DHCPACK).destination())
                .isEqualTo(ReplyDestination.unicast(ip("10.0.0.10"), 6768));
        DhcpPacket rebind = renew.toBuilder().broadcast(true).build();
        assertThat(route(rebind, MessageType.DHCPACK).destination().kind())
                .isEqualTo(ReplyDestination.Kind.CLIENT_UNICAST);
    }

    @Test
    void clientsWithoutAnAddressGetBroadcastOnTheReceivingInterface() {
        DhcpPacket flagged = request(MessageType.DHCPDISCOVER).toBuilder().broadcast(true).build();
        assertThat(route(flagged, MessageType.DHCPOFFER).destination()).isEqualTo(ReplyDestination.broadcast(6768));
        // no broadcast bit: RFC 2131 says unicast to chaddr/yiaddr, which needs ARP the client cannot answer
        DhcpPacket unflagged = request(MessageType.DHCPDISCOVER);
        ReplyRouting.RoutedReply routed = route(unflagged, MessageType.DHCPOFFER);
        assertThat(routed.destination()).isEqualTo(ReplyDestination.broadcast(6768));
        assertThat(routed.reply().broadcast()).isFalse();
    }

    @Test
    void informAckGoesToCiaddrWithoutLeaseTimes() {
        DhcpPacket inform = request(MessageType.DHCPINFORM).toBuilder().ciaddr(ip("10.0.0.20"))
                .giaddr(ip("192.0.2.1")).build();
        ReplyRouting.RoutedReply routed = route(inform, MessageType.DHCPACK);
        assertThat(routed.destination()).isEqualTo(ReplyDestination.unicast(ip("10.0.0.20"), 6768));
        assertThat(routed.reply().options().codes()).containsExactly(53, 54);
        assertThat(routed.reply().yiaddr().isAny()).isTrue();
    }

    @Test
    void informAckWithoutCiaddrGoesThroughTheRelayBroadcastOrToTheSource() {
        DhcpPacket relayed = request(MessageType.DHCPINFORM).toBuilder().giaddr(ip("192.0.2.1")).build();
        ReplyRouting.RoutedReply viaRelay = route(relayed, MessageType.DHCPACK);
        assertThat(viaRelay.destination()).isEqualTo(ReplyDestination.relay(ip("192.0.2.1"), 6767));
        assertThat(viaRelay.reply().broadcast()).isTrue();
        DhcpPacket direct = request(MessageType.DHCPINFORM);
        assertThat(ReplyRouting.destinationFor(direct, reply(direct, MessageType.DHCPACK), ip("10.0.0.30"), 68, PORTS))
                .isEqualTo(ReplyDestination.unicast(ip("10.0.0.30"), 6768));
        assertThat(route(direct, MessageType.DHCPACK).destination()).isEqualTo(ReplyDestination.broadcast(6768));
    }

    @Test
    void relaySourcePortSubOptionSendsToTheRelaysPort() {
        RelayAgentInformation agent = RelayAgentInformation.of(List.of(
                new RelayAgentInformation.SubOption(RelayAgentInformation.CIRCUIT_ID, new byte[] {1}),
                new RelayAgentInformation.SubOption(RelayAgentInformation.RELAY_SOURCE_PORT, new byte[0])));
        DhcpPacket discover = request(MessageType.DHCPDISCOVER).toBuilder().giaddr(ip("192.0.2.1"))
                .options(DhcpOptions.builder().messageType(MessageType.DHCPDISCOVER).relayAgentInformation(agent)
                        .build()).build();
        assertThat(ReplyRouting.destinationFor(discover, reply(discover, MessageType.DHCPOFFER), ip("192.0.2.1"),
                40000, PORTS)).isEqualTo(ReplyDestination.relay(ip("192.0.2.1"), 40000));
    }

    @Test
    void bootpRepliesRouteLikeOffers() {
        DhcpPacket bootp = DhcpPacket.builder().chaddr(TestPackets.MAC).giaddr(ip("192.0.2.1")).build();
        DhcpPacket answer = DhcpPacket.replyTo(bootp).yiaddr(ip("10.0.0.40")).build();
        assertThat(ReplyRouting.destinationFor(bootp, answer, NO_SOURCE, 67, PORTS))
                .isEqualTo(ReplyDestination.relay(ip("192.0.2.1"), 6767));
    }

    @Test
    void portsFollowDhcpdDashP() {
        assertThat(DhcpPorts.DEFAULT).isEqualTo(DhcpPorts.of(67));
        assertThat(DhcpPorts.of(67).clientPort()).isEqualTo(68);
        assertThat(DhcpPorts.of(6767).relayPort()).isEqualTo(6767);
        assertThatThrownBy(() -> DhcpPorts.of(65535))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
