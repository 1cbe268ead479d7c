package io.ironlease.server.dhcp;

import static io.ironlease.server.dhcp.EngineHarness.Client;
import static io.ironlease.server.dhcp.EngineHarness.SERVER;
import static io.ironlease.server.dhcp.EngineHarness.relayedTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.alloc.LeaseOwnershipPolicy;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options merged by scope, host reservations, classes and permits, host names in options. */
class OptionsAndHostsTest {

    static final Ipv4Address GI = Ipv4Address.parse("10.1.0.1");
    static final List<Integer> PRL = List.of(1, 2, 3, 6, 7, 15, 28, 42);

    static final String CONFIG = """
            authoritative;
            ping-check false;
            one-lease-per-client on;
            option domain-name "global.test";
            option domain-name-servers redos.test;
            option ntp-servers 192.0.2.123;
            class "voip" {
              match if substring(option vendor-class-identifier, 0, 4) = "voip";
              option domain-name "class.test";
              option time-offset 7;
            }
            subnet 10.0.0.0 netmask 255.255.255.0 {
              range 10.0.0.100 10.0.0.109;
            }
            shared-network net {
              option domain-name "shared.test";
              option log-servers 192.0.2.50;
              subnet 10.1.0.0 netmask 255.255.255.0 {
                option domain-name "subnet.test";
                option routers 10.1.0.1;
                pool {
                  option domain-name "pool.test";
                  range 10.1.0.100 10.1.0.110;
                }
                pool {
                  allow members of "voip";
                  range 10.1.0.200 10.1.0.201;
                }
              }
              subnet 10.2.0.0 netmask 255.255.255.0 {
                pool {
                  deny unknown-clients;
                  range 10.2.0.100 10.2.0.110;
                }
              }
            }
            host known1 { hardware ethernet 02:00:00:00:00:09; option domain-name "host.test"; }
            host fixed1 { hardware ethernet 02:00:00:00:00:08; fixed-address 10.1.0.50; }
            host inrange { hardware ethernet 02:00:00:00:00:07; fixed-address 10.1.0.100; }
            """;

    static Ipv4Address ip(String s) {
        return Ipv4Address.parse(s);
    }

    private final EngineHarness h = new EngineHarness(CONFIG);

    private DhcpPacket offer(EngineHarness harness, Client c, String vendorClass) {
        return harness.one(harness.message(c, MessageType.DHCPDISCOVER, GI, o -> {
            o.parameterRequestList(PRL);
            if (vendorClass != null) {
                o.vendorClass(vendorClass.getBytes(StandardCharsets.US_ASCII));
            }
        }), relayedTo(SERVER));
    }

    private static String domain(DhcpPacket p) {
        return p.options().text(OptionCodes.DOMAIN_NAME).orElse(null);
    }

    @Test
    void optionsMergeGlobalSharedSubnetPoolClassHost() {
        DhcpPacket plain = offer(h, Client.of(1), null);
        DhcpPacket voip = offer(h, Client.of(2), "voip-phone");
        DhcpPacket hostAndVoip = offer(h, Client.of(9), "voip-phone");

        assertThat(domain(plain)).isEqualTo("pool.test");
        assertThat(plain.options().address(42)).as("global").contains(ip("192.0.2.123"));
        assertThat(plain.options().address(7)).as("shared network").contains(ip("192.0.2.50"));
        assertThat(plain.options().address(3)).as("subnet").contains(ip("10.1.0.1"));
        assertThat(plain.options().contains(2)).isFalse();
        assertThat(domain(voip)).isEqualTo("class.test");
        assertThat(voip.options().contains(2)).isTrue();
        assertThat(domain(hostAndVoip)).isEqualTo("host.test");
    }

    @Test
    void unresolvableHostNameLeavesTheOptionOutButTheLeaseIsGranted() {
        DhcpPacket offer = offer(h, Client.of(1), null);

        assertThat(offer.yiaddr()).isEqualTo(ip("10.1.0.101"));
        assertThat(offer.options().contains(OptionCodes.DOMAIN_NAME_SERVERS)).isFalse();

        EngineHarness resolved = new EngineHarness(CONFIG, Map.of("redos.test", List.of(ip("192.168.100.1"))), null,
                LeaseOwnershipPolicy.STANDALONE, List.of());
        assertThat(offer(resolved, Client.of(1), null).options().address(OptionCodes.DOMAIN_NAME_SERVERS))
                .contains(ip("192.168.100.1"));
    }

    @Test
    void fixedAddressHostGetsItsAddressWithoutALeaseRecordAndNobodyElseDoes() {
        Client fixed = new Client(HardwareAddress.parseEthernet("02:00:00:00:00:08"), null);

        DhcpPacket ack = h.dora(fixed);
        DhcpPacket stolen = h.one(h.message(Client.of(3), MessageType.DHCPREQUEST, GI,
                o -> o.requestedAddress(ip("10.1.0.50"))), relayedTo(SERVER));
        DhcpPacket wrongAsk = h.one(h.message(fixed, MessageType.DHCPREQUEST, GI,
                o -> o.requestedAddress(ip("10.1.0.105"))), relayedTo(SERVER));

        assertThat(ack.yiaddr()).isEqualTo(ip("10.1.0.50"));
        assertThat(h.store.records()).as("dhcpd does not record fixed-address leases").isEmpty();
        assertThat(stolen.messageType()).contains(MessageType.DHCPNAK);
        assertThat(wrongAsk.messageType()).contains(MessageType.DHCPNAK);
    }

    @Test
    void aFixedAddressInsideARangeIsNeverHandedOutDynamically() {
        assertThat(h.dora(Client.of(1)).yiaddr()).isEqualTo(ip("10.1.0.101"));
        DhcpPacket ask = h.one(h.message(Client.of(2), MessageType.DHCPREQUEST, GI,
                o -> o.requestedAddress(ip("10.1.0.100"))), relayedTo(SERVER));
        assertThat(ask.messageType()).contains(MessageType.DHCPNAK);
    }

    @Test
    void poolPermitsSelectByClassAndByKnownClients() {
        DhcpPacket unknown = h.one(h.message(Client.of(1), MessageType.DHCPDISCOVER, Ipv4Address.parse("10.2.0.1"),
                o -> { }), relayedTo(SERVER));
        assertThat(unknown.yiaddr()).as("the 10.2 pool denies unknown clients: served from 10.1")
                .isEqualTo(ip("10.1.0.101"));
        DhcpPacket known = h.one(h.message(Client.of(9), MessageType.DHCPDISCOVER, Ipv4Address.parse("10.2.0.1"),
                o -> { }), relayedTo(SERVER));
        assertThat(known.yiaddr()).isIn(ip("10.1.0.102"), ip("10.2.0.100"));

        for (int i = 20; i < 28; i++) {
            h.dora(Client.of(i));
        }
        assertThat(h.send(h.message(Client.of(40), MessageType.DHCPDISCOVER, GI, o -> { }), relayedTo(SERVER)))
                .as("members-only pool stays closed to others").isEmpty();
        assertThat(offer(h, Client.of(41), "voip-phone").yiaddr()).isEqualTo(ip("10.1.0.200"));
    }

    @Test
    void oneLeasePerClientReleasesTheClientsOtherLease() {
        Client c = Client.of(1);
        DhcpPacket first = h.one(h.message(c, MessageType.DHCPDISCOVER, Ipv4Address.ANY, o -> { }),
                EngineHarness.broadcastOnEth0());
        h.one(h.message(c, MessageType.DHCPREQUEST, Ipv4Address.ANY, o -> o.requestedAddress(first.yiaddr())
                .serverIdentifier(ip("10.0.0.1"))), EngineHarness.broadcastOnEth0());

        DhcpPacket second = h.dora(c);

        assertThat(second.yiaddr()).isNotEqualTo(first.yiaddr());
        assertThat(h.durable().get(first.yiaddr()).bindingState()).isEqualTo(BindingState.FREE);
        assertThat(h.durable().get(second.yiaddr()).bindingState()).isEqualTo(BindingState.ACTIVE);
    }
}
