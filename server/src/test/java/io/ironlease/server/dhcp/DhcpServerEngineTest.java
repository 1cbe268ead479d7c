package io.ironlease.server.dhcp;

import static io.ironlease.server.dhcp.EngineHarness.Client;
import static io.ironlease.server.dhcp.EngineHarness.SERVER;
import static io.ironlease.server.dhcp.EngineHarness.relayedTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DHCP engine driven with constructed packets: DISCOVER/OFFER, REQUEST states, NAK and silence. */
class DhcpServerEngineTest {

    static final Ipv4Address GI = Ipv4Address.parse("10.1.0.1");

    static String config(String global) {
        return global + """
                default-lease-time 600;
                max-lease-time 1200;
                min-lease-time 60;
                ping-check false;
                subnet 10.0.0.0 netmask 255.255.255.0 {
                  option routers 10.0.0.1;
                  range 10.0.0.100 10.0.0.109;
                }
                subnet 10.1.0.0 netmask 255.255.255.0 {
                  option routers 10.1.0.1;
                  option broadcast-address 10.1.0.255;
                  option domain-name "relay.test";
                  pool {
                    range 10.1.0.100 10.1.0.102;
                  }
                }
                """;
    }

    static Ipv4Address ip(String s) {
        return Ipv4Address.parse(s);
    }

    private final EngineHarness h = new EngineHarness(config("authoritative;\n"));

    @Test
    void discoverIsOfferedAFreeAddressWithMaskBeforeRoutersAndTheRequestOrder() {
        DhcpPacket offer = h.one(h.message(Client.of(1), MessageType.DHCPDISCOVER, GI,
                o -> o.parameterRequestList(List.of(3, 15, 1, 28, 58, 59))), relayedTo(SERVER));

        assertThat(offer.messageType()).contains(MessageType.DHCPOFFER);
        assertThat(offer.yiaddr()).isEqualTo(ip("10.1.0.100"));
        assertThat(offer.giaddr()).isEqualTo(GI);
        assertThat(offer.options().codes()).containsExactly(53, 54, 51, 58, 59, 1, 3, 15, 28);
        assertThat(offer.options().serverIdentifier()).contains(SERVER);
        assertThat(offer.options().leaseTime()).hasValue(600);
        assertThat(offer.options().renewalTime()).hasValue(300);
        assertThat(offer.options().rebindingTime()).hasValue(525);
        assertThat(offer.options().address(1)).contains(ip("255.255.255.0"));
        assertThat(h.store.records()).as("offers are not written").isEmpty();
    }

    @Test
    void selectingRequestIsAcknowledgedOnceTheLeaseIsDurable() {
        DhcpPacket ack = h.dora(Client.of(1));

        assertThat(ack.messageType()).contains(MessageType.DHCPACK);
        assertThat(ack.yiaddr()).isEqualTo(ip("10.1.0.100"));
        Lease lease = h.durable().get(ip("10.1.0.100"));
        assertThat(lease.bindingState()).isEqualTo(BindingState.ACTIVE);
        assertThat(lease.nextBindingState()).isEqualTo(BindingState.FREE);
        assertThat(lease.hardware()).contains(Client.of(1).mac());
        assertThat(lease.uid()).isEqualTo(Client.of(1).uid());
        assertThat(lease.starts()).isEqualTo(h.clock.epoch());
        assertThat(lease.ends()).isEqualTo(h.clock.epoch() + 600);
        assertThat(h.counters.snapshot().acks()).isEqualTo(1);
    }

    @Test
    void requestNamingAnotherServerIsIgnoredAndOurOfferIsLetGo() {
        Client a = Client.of(1);
        DhcpPacket offer = h.one(h.message(a, MessageType.DHCPDISCOVER, GI, o -> { }), relayedTo(SERVER));

        List<DhcpPacket> replies = h.send(h.message(a, MessageType.DHCPREQUEST, GI,
                o -> o.requestedAddress(offer.yiaddr()).serverIdentifier(ip("192.0.2.99"))), relayedTo(SERVER));

        assertThat(replies).as("RFC 2131 3.1: the client chose another server").isEmpty();
        assertThat(h.store.records()).isEmpty();
        // the withdrawn offer is free again: three other clients get the three addresses
        assertThat(List.of(h.dora(Client.of(2)).yiaddr(), h.dora(Client.of(3)).yiaddr(), h.dora(Client.of(4)).yiaddr()))
                .contains(offer.yiaddr());
    }

    @Test
    void initRebootOnTheWrongNetworkIsNakedWhenAuthoritative() {
        DhcpPacket nak = h.one(h.message(Client.of(1), MessageType.DHCPREQUEST, GI,
                o -> o.requestedAddress(ip("10.0.0.105"))), relayedTo(SERVER));

        assertThat(nak.messageType()).contains(MessageType.DHCPNAK);
        assertThat(nak.options().codes()).containsExactly(53, 54, 56);
        assertThat(nak.yiaddr()).isEqualTo(Ipv4Address.ANY);
        var routed = ReplyRouting.route(h.message(Client.of(1), MessageType.DHCPREQUEST, GI, o -> { }), nak,
                GI, 67, DhcpPorts.DEFAULT);
        assertThat(routed.reply().broadcast()).as("a relayed NAK sets the broadcast bit").isTrue();
        assertThat(routed.destination()).isEqualTo(ReplyDestination.relay(GI, 67));
    }

    @Test
    void initRebootOnTheWrongNetworkIsIgnoredWhenNotAuthoritative() {
        EngineHarness quiet = new EngineHarness(config(""));

        assertThat(quiet.send(quiet.message(Client.of(1), MessageType.DHCPREQUEST, GI,
                o -> o.requestedAddress(ip("10.0.0.105"))), relayedTo(SERVER))).isEmpty();
        assertThat(quiet.send(quiet.message(Client.of(1), MessageType.DHCPREQUEST, GI,
                o -> o.requestedAddress(ip("192.0.2.200"))), relayedTo(SERVER))).isEmpty();
    }

    @Test
    void initRebootOfTheClientsOwnLeaseIsAcknowledgedAndAnotherClientsIsNaked() {
        DhcpPacket ack = h.dora(Client.of(1));

        DhcpPacket again = h.one(h.message(Client.of(1), MessageType.DHCPREQUEST, GI,
                o -> o.requestedAddress(ack.yiaddr())), relayedTo(SERVER));
        DhcpPacket stolen = h.one(h.message(Client.of(2), MessageType.DHCPREQUEST, GI,
                o -> o.requestedAddress(ack.yiaddr())), relayedTo(SERVER));

        assertThat(again.messageType()).contains(MessageType.DHCPACK);
        assertThat(again.yiaddr()).isEqualTo(ack.yiaddr());
        assertThat(stolen.messageType()).contains(MessageType.DHCPNAK);
    }

    @Test
    void renewingByUnicastExtendsTheLeaseAndCopiesCiaddr() {
        Client c = Client.of(1);
        DhcpPacket ack = h.dora(c);
        h.clock.advance(Duration.ofSeconds(300));

        DhcpPacket renew = DhcpPacket.builder().chaddr(c.mac()).xid(9).ciaddr(ack.yiaddr())
                .options(DhcpOptions.builder().messageType(MessageType.DHCPREQUEST).clientIdentifier(c.uid()).build())
                .build();
        DhcpPacket renewed = h.one(renew, EngineHarness.unicastFrom(ack.yiaddr(), SERVER));

        assertThat(renewed.messageType()).contains(MessageType.DHCPACK);
        assertThat(renewed.ciaddr()).isEqualTo(ack.yiaddr());
        assertThat(renewed.yiaddr()).isEqualTo(ack.yiaddr());
        assertThat(h.durable().get(ack.yiaddr()).ends()).isEqualTo(h.clock.epoch() + 600);
        assertThat(ReplyRouting.destinationFor(renew, renewed, ack.yiaddr(), 68, DhcpPorts.DEFAULT))
                .isEqualTo(ReplyDestination.unicast(ack.yiaddr(), 68));
    }

    @Test
    void rebindingByBroadcastIsAcknowledged() {
        Client c = Client.of(1);
        DhcpPacket ack = h.dora(c);

        DhcpPacket rebind = DhcpPacket.builder().chaddr(c.mac()).xid(9).ciaddr(ack.yiaddr()).broadcast(true)
                .options(DhcpOptions.builder().messageType(MessageType.DHCPREQUEST).clientIdentifier(c.uid()).build())
                .build();
        DhcpPacket rebound = h.one(rebind, EngineHarness.unicastFrom(ack.yiaddr(), Ipv4Address.BROADCAST));

        assertThat(rebound.messageType()).contains(MessageType.DHCPACK);
        assertThat(rebound.yiaddr()).isEqualTo(ack.yiaddr());
    }

    @Test
    void renewingAnotherClientsAddressIsNaked() {
        DhcpPacket ack = h.dora(Client.of(1));
        Client thief = Client.of(2);

        DhcpPacket renew = DhcpPacket.builder().chaddr(thief.mac()).xid(9).ciaddr(ack.yiaddr())
                .options(DhcpOptions.builder().messageType(MessageType.DHCPREQUEST).clientIdentifier(thief.uid())
                        .build()).build();

        assertThat(h.one(renew, EngineHarness.unicastFrom(ack.yiaddr(), SERVER)).messageType())
                .contains(MessageType.DHCPNAK);
        assertThat(h.durable().get(ack.yiaddr()).hardware()).contains(Client.of(1).mac());
    }

    @Test
    void leaseTimeFollowsTheRequestWithinMinAndMax() {
        DhcpPacket longAsk = h.one(h.message(Client.of(1), MessageType.DHCPDISCOVER, GI, o -> o.leaseTime(5000)),
                relayedTo(SERVER));
        DhcpPacket shortAsk = h.one(h.message(Client.of(2), MessageType.DHCPDISCOVER, GI, o -> o.leaseTime(10)),
                relayedTo(SERVER));

        assertThat(longAsk.options().leaseTime()).hasValue(1200);
        assertThat(shortAsk.options().leaseTime()).hasValue(60);
    }

    @Test
    void exhaustedPoolLeavesTheClientUnanswered() {
        for (int i = 1; i <= 3; i++) {
            h.dora(Client.of(i));
        }

        assertThat(h.send(h.message(Client.of(4), MessageType.DHCPDISCOVER, GI, o -> { }), relayedTo(SERVER)))
                .isEmpty();
        assertThat(h.counters.snapshot().exhausted()).isEqualTo(1);
    }

    @Test
    void leasesExpireIntoFreeOnTheTimerAndTheAddressIsReused() {
        DhcpPacket ack = h.dora(Client.of(1));
        h.dora(Client.of(2));
        h.dora(Client.of(3));

        h.advance(Duration.ofSeconds(601));

        assertThat(h.durable().get(ack.yiaddr()).bindingState()).isEqualTo(BindingState.FREE);
        assertThat(h.durable().get(ack.yiaddr()).hardware()).as("kept, so the client can come back")
                .contains(Client.of(1).mac());
        assertThat(h.dora(Client.of(4)).yiaddr()).isIn(ip("10.1.0.100"), ip("10.1.0.101"), ip("10.1.0.102"));
    }

    @Test
    void directBroadcastClientIsServedFromTheInterfaceSubnet() {
        DhcpPacket offer = h.one(h.message(Client.of(1), MessageType.DHCPDISCOVER, Ipv4Address.ANY, o -> { }),
                EngineHarness.broadcastOnEth0());

        assertThat(offer.yiaddr()).isEqualTo(ip("10.0.0.100"));
        assertThat(offer.options().serverIdentifier()).contains(ip("10.0.0.1"));
    }

    @Test
    void unknownNetworkSegmentIsIgnored() {
        assertThat(h.send(h.message(Client.of(1), MessageType.DHCPDISCOVER, ip("172.16.0.1"), o -> { }),
                relayedTo(SERVER))).isEmpty();
        assertThat(h.counters.snapshot().ignored()).isEqualTo(1);
    }
}
