package io.ironlease.server.testclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.server.net.DhcpCounters;
import io.ironlease.server.net.DhcpTransport;
import io.ironlease.server.net.DhcpTransportConfig;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Clock;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Kea's perfdhcp (kea-admin) drives our transport on loopback, unprivileged, as the benchmark and
 * the crash test will: this checks the recipe in perfdhcp-loopback.md end to end.
 */
@Tag("interop")
class PerfdhcpLoopbackInteropIT {

    @Test
    void perfdhcpCompletesFourWayExchangesThroughOurTransport() throws Exception {
        Ipv4Address server = Ipv4Address.parse("127.0.0.3");
        FakeDhcpResponder responder = new FakeDhcpResponder(server, Ipv4Address.parse("10.50.0.10"), 5000, 600,
                Ipv4Address.parse("255.255.0.0"));
        try (DhcpTransport transport = DhcpTransport.start(DhcpTransportConfig.single(server.toInetAddress(), 0),
                responder, Clock.systemUTC())) {
            int port = transport.ports().serverPort();
            Perfdhcp.Result result = Perfdhcp.run(new Perfdhcp.Run("127.0.0.1", port, "127.0.0.3", 200, 3, 300,
                    List.of("-n", "300")));
            assertThat(result.output()).as(result.output()).contains("Statistics for: REQUEST-ACK");
            assertThat(result.discoversSent()).isEqualTo(300);
            // perfdhcp -n may stop before its last packet is sent or answered; the server side is exact
            assertThat(result.acksReceived()).as(result.output()).isGreaterThanOrEqualTo(295);
            Awaitility.await().untilAsserted(() -> {
                DhcpCounters.Snapshot counters = transport.counters().snapshot();
                assertThat(counters.repliesSent()).isEqualTo(counters.received()).isGreaterThanOrEqualTo(590);
                assertThat(responder.acks()).isEqualTo(counters.received() - 300);
            });
            assertThat(transport.counters().snapshot().malformed()).isZero();
        }
    }
}
