package io.ironlease.server.testclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.server.dhcp.DhcpPacket;
import io.ironlease.server.dhcp.MessageType;
import io.ironlease.server.net.DhcpTransport;
import io.ironlease.server.net.DhcpTransportConfig;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay test client against the fake responder over real loopback UDP. */
class RelayTestClientTest {

    private static final Ipv4Address SERVER_ID = Ipv4Address.parse("127.0.0.1");

    private final FakeDhcpResponder responder = new FakeDhcpResponder(SERVER_ID, Ipv4Address.parse("10.20.0.10"),
            200, 600, Ipv4Address.parse("255.255.0.0"));
    private DhcpTransport transport;
    private RelayTestClient client;

    private RelayTestClient start(io.ironlease.server.net.DhcpRequestHandler handler, boolean agent,
            Duration timeout, int attempts) throws Exception {
        transport = DhcpTransport.start(DhcpTransportConfig.single(SERVER_ID.toInetAddress(), 0), handler,
                Clock.systemUTC());
        InetSocketAddress server = transport.unicastAddress();
        client = RelayTestClient.open(RelayTestClient.Config.loopback(server).withAgentInformation(agent)
                .withTimeout(timeout, attempts));
        return client;
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void doraForManyClientsRecordsEveryAck() throws Exception {
        RelayTestClient c = start(responder, true, Duration.ofSeconds(2), 3);
        List<RelayTestClient.SimulatedClient> clients = IntStream.range(0, 100).mapToObj(c::client).toList();
        List<RelayTestClient.Lease> leases = c.doraAll(clients, 16);
        assertThat(leases).extracting(RelayTestClient.Lease::address).doesNotHaveDuplicates().hasSize(100);
        assertThat(leases).allSatisfy(l -> {
            assertThat(l.serverId()).isEqualTo(SERVER_ID);
            assertThat(l.leaseTime()).isEqualTo(600);
        });
        assertThat(c.acks()).hasSize(100).allSatisfy(a -> assertThat(a.requestType()).isEqualTo(MessageType.DHCPREQUEST));
        assertThat(c.acks()).extracting(AckRecord::chaddr)
                .containsExactlyInAnyOrderElementsOf(clients.stream().map(RelayTestClient.SimulatedClient::chaddr).toList());
        // counted when the socket reports the send, which may come just after the client has the reply
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(transport.counters().snapshot().repliesSent()).isEqualTo(200));
    }

    @Test
    void renewRebootReleaseDeclineAndInform() throws Exception {
        RelayTestClient c = start(responder, false, Duration.ofSeconds(2), 3);
        RelayTestClient.SimulatedClient one = c.client(1);
        RelayTestClient.Lease lease = c.dora(one);
        assertThat(c.renew(lease).address()).isEqualTo(lease.address());
        assertThat(c.reboot(one, lease.address()).address()).isEqualTo(lease.address());
        assertThatThrownBy(() -> c.reboot(one, Ipv4Address.parse("10.99.0.1")))
                .isInstanceOfSatisfying(DhcpExchangeException.class,
                        e -> assertThat(e.reason()).isEqualTo(DhcpExchangeException.Reason.NAK));
        assertThat(c.naksReceived()).isEqualTo(1);

        DhcpPacket inform = c.inform(c.client(2));
        assertThat(inform.options().leaseTime()).isEmpty();
        assertThat(inform.broadcast()).isTrue();

        c.release(lease);
        RelayTestClient.Lease second = c.dora(c.client(3));
        c.decline(second);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> transport.counters().snapshot().received() == 10);
        assertThat(responder.bindings()).isZero();
        assertThat(c.acks()).extracting(AckRecord::requestType).containsExactly(MessageType.DHCPREQUEST,
                MessageType.DHCPREQUEST, MessageType.DHCPREQUEST, MessageType.DHCPINFORM, MessageType.DHCPREQUEST);
    }

    @Test
    void silentServerTimesOutAfterTheConfiguredAttempts() throws Exception {
        RelayTestClient c = start(r -> CompletableFuture.completedFuture(List.of()), false, Duration.ofMillis(100), 3);
        assertThatThrownBy(() -> c.dora(c.client(7))).isInstanceOfSatisfying(DhcpExchangeException.class,
                e -> assertThat(e.reason()).isEqualTo(DhcpExchangeException.Reason.TIMEOUT));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> transport.counters().snapshot().received() == 3);
    }
}
