package io.ironlease.omapi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListenPolicyTest {

    @Test
    void withoutAKeyOnlyLoopbackAndTheLogSaysWhy() {
        ListenPolicy.Decision decision = ListenPolicy.decide(0, Optional.empty());
        assertThat(decision.address().isLoopbackAddress()).isTrue();
        assertThat(decision.loopbackOnly()).isTrue();
        assertThat(decision.logLine()).startsWith("OMAPI_LISTEN_LOOPBACK_ONLY address=127.0.0.1")
                .contains("no omapi-key is configured");
    }

    @Test
    void withAKeyEveryAddressAsDhcpdDoes() {
        ListenPolicy.Decision decision = ListenPolicy.decide(1, Optional.empty());
        assertThat(decision.address().isAnyLocalAddress()).isTrue();
        assertThat(decision.loopbackOnly()).isFalse();
        assertThat(decision.logLine()).startsWith("OMAPI_LISTEN address=0.0.0.0");
    }

    @Test
    void anExplicitAddressWinsAndAnUnkeyedPublicOneIsFlagged() throws Exception {
        InetAddress lan = InetAddress.getByName("192.0.2.10");
        assertThat(ListenPolicy.decide(0, Optional.of(lan)).logLine()).startsWith("OMAPI_LISTEN_UNAUTHENTICATED");
        assertThat(ListenPolicy.decide(2, Optional.of(lan)).address()).isEqualTo(lan);
        assertThat(ListenPolicy.decide(0, Optional.of(InetAddress.getLoopbackAddress())).loopbackOnly()).isTrue();
    }

    @Test
    void theServerUsesThePolicyWhenNoAddressIsGiven() {
        OmapiServer server = OmapiServer.builder().port(0).build();
        try {
            assertThat(server.listenDecision().loopbackOnly()).isTrue();
        } finally {
            server.close();
        }
    }
}
