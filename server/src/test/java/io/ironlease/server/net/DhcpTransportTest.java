package io.ironlease.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.dhcp.DhcpPorts;
import io.ironlease.server.testclient.FakeDhcpResponder;
import io.ironlease.server.testclient.RelayTestClient;
import io.ironlease.shared.net.Ipv4Address;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Netty transport over real loopback UDP, with epoll and with NIO. */
class DhcpTransportTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void servesRelayedClientsAndSurvivesGarbage(boolean epoll) throws Exception {
        FakeDhcpResponder responder = new FakeDhcpResponder(Ipv4Address.parse("127.0.0.1"),
                Ipv4Address.parse("10.30.0.10"), 50, 300, Ipv4Address.parse("255.255.255.0"));
        DhcpTransportConfig config = DhcpTransportConfig.single(Ipv4Address.parse("127.0.0.1").toInetAddress(), 0)
                .withPreferEpoll(epoll);
        try (DhcpTransport transport = DhcpTransport.start(config, responder, Clock.systemUTC());
                DatagramSocket garbage = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                RelayTestClient client = RelayTestClient.open(RelayTestClient.Config.loopback(
                        transport.unicastAddress()).withTimeout(Duration.ofSeconds(2), 3))) {
            assertThat(transport.usesEpoll()).isEqualTo(epoll);
            int port = transport.unicastAddress().getPort();
            assertThat(port).isPositive();
            assertThat(transport.ports()).isEqualTo(DhcpPorts.of(port));
            for (int i = 0; i < 5; i++) {
                garbage.send(new DatagramPacket(new byte[i * 60], i * 60, transport.unicastAddress()));
            }
            List<RelayTestClient.Lease> leases = client.doraAll(List.of(client.client(1), client.client(2)), 2);
            assertThat(leases).extracting(RelayTestClient.Lease::address).containsExactlyInAnyOrder(
                    Ipv4Address.parse("10.30.0.10"), Ipv4Address.parse("10.30.0.11"));
            // both counted on the event loop, possibly just after the client has its replies
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> transport.counters().snapshot().malformed() == 5
                    && transport.counters().snapshot().repliesSent() == 4);
            DhcpCounters.Snapshot counters = transport.counters().snapshot();
            assertThat(counters.received()).isEqualTo(9);
            assertThat(counters.repliesSent()).isEqualTo(4);
            assertThat(counters.dropped()).isZero();
        }
    }
}
