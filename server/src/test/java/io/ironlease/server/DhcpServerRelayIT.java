package io.ironlease.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.dhcp.DhcpPacket;
import io.ironlease.server.dhcp.MessageType;
import io.ironlease.server.dhcp.OptionCodes;
import io.ironlease.server.engine.LeaseService;
import io.ironlease.server.testclient.RelayTestClient;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseFileReader;
import io.ironlease.shared.leases.LeaseTable;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server in process, on loopback in relay mode, driven by {@link RelayTestClient}: the full
 * message set against the real journal, then a restart on the same lease file.
 */
class DhcpServerRelayIT {

    @TempDir
    Path dir;

    private static RelayTestClient client(DhcpServer server) throws Exception {
        return RelayTestClient.open(RelayTestClient.Config.loopback(
                new InetSocketAddress(TestServers.SERVER.toInetAddress(), server.port())).withAgentInformation(true));
    }

    private static Optional<Lease> lease(DhcpServer server, Ipv4Address address) throws Exception {
        return server.leases().submit(s -> s.leaseByAddress(address).map(LeaseService.LeaseInfo::lease))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static LeaseTable readFile(Path file) throws Exception {
        LeaseTable table = new LeaseTable();
        try (LeaseFileReader reader = LeaseFileReader.open(file)) {
            reader.read(table);
        }
        return table;
    }

    @Test
    void servesEveryMessageTypeAndKeepsLeasesAcrossARestart() throws Exception {
        Path leases = dir.resolve("dhcpd.leases");
        String config = TestServers.loopbackConfig("10.20.1.10 10.20.1.200", "one-lease-per-client on;");
        RelayTestClient.Lease first;
        RelayTestClient.Lease second;
        try (DhcpServer server = TestServers.start(config, leases); RelayTestClient relay = client(server)) {
            first = relay.dora(relay.client(1));
            second = relay.dora(relay.client(2));
            assertThat(first.address()).isEqualTo(Ipv4Address.parse("10.20.1.10"));
            assertThat(second.address()).isEqualTo(Ipv4Address.parse("10.20.1.11"));
            assertThat(first.serverId()).isEqualTo(TestServers.SERVER);
            assertThat(first.leaseTime()).isEqualTo(3600);
            // durable before acknowledged: the ACKed lease is already in the file
            assertThat(readFile(leases).lease(first.address())).get()
                    .satisfies(l -> assertThat(l.bindingState()).isEqualTo(BindingState.ACTIVE))
                    .satisfies(l -> assertThat(l.hardware()).contains(relay.client(1).chaddr()));

            RelayTestClient.Lease renewed = relay.renew(first);
            assertThat(renewed.address()).isEqualTo(first.address());

            // a second DORA by the same client gets the same address back
            assertThat(relay.dora(relay.client(1)).address()).isEqualTo(first.address());

            DhcpPacket inform = relay.inform(relay.client(3));
            assertThat(inform.options().leaseTime()).isEmpty();
            // no ciaddr: the options of the relay's own subnet (127/8 here)
            assertThat(inform.options().address(OptionCodes.SUBNET_MASK)).contains(Ipv4Address.parse("255.0.0.0"));
            assertThat(inform.options().relayAgentInformation()).isPresent();

            // INIT-REBOOT for an address on another network: authoritative, so NAK (broadcast bit, relayed)
            DhcpPacket wrong = relay.message(relay.client(4), 77, MessageType.DHCPREQUEST, Ipv4Address.ANY).build();
            wrong = wrong.withOptions(wrong.options().with(OptionCodes.REQUESTED_ADDRESS,
                    Ipv4Address.parse("192.0.2.10").toBytes()));
            DhcpPacket nak = relay.exchange(wrong, MessageType.DHCPNAK).get(10, TimeUnit.SECONDS);
            assertThat(nak.broadcast()).isTrue();
            assertThat(nak.options().serverIdentifier()).contains(TestServers.SERVER);

            RelayTestClient.Lease third = relay.dora(relay.client(5));
            relay.decline(third);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lease(server, third.address())
                    .map(l -> l.bindingState() == BindingState.ABANDONED).orElse(false));
            // the declined address is not offered again while free ones remain
            assertThat(relay.dora(relay.client(5)).address()).isNotEqualTo(third.address());

            relay.release(second);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lease(server, second.address())
                    .map(l -> l.bindingState() == BindingState.FREE).orElse(false));
            assertThat(server.counters().snapshot().writeFailures()).isZero();
        }
        LeaseTable file = readFile(leases);
        assertThat(file.lease(first.address()).orElseThrow().bindingState()).isEqualTo(BindingState.ACTIVE);
        assertThat(file.lease(second.address()).orElseThrow().bindingState()).isEqualTo(BindingState.FREE);

        try (DhcpServer server = TestServers.start(config, leases); RelayTestClient relay = client(server)) {
            assertThat(relay.reboot(relay.client(1), first.address()).address()).isEqualTo(first.address());
            assertThat(relay.dora(relay.client(1)).address()).isEqualTo(first.address());
            // the released address stays the previous owner's to come back to
            assertThat(relay.dora(relay.client(2)).address()).isEqualTo(second.address());
            List<LeaseService.LeaseInfo> active = server.leases().submit(s -> s.listLeases(
                    LeaseService.LeaseQuery.all(100)).leases()).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(active).extracting(i -> i.lease().ip()).contains(first.address(), second.address());
        }
    }
}
