package io.ironlease.server.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionOrderingTest {

    @Test
    void subnetMaskPrecedesRoutersWhateverTheRequestOrder() {
        assertThat(OptionOrdering.forReply(List.of(3, 1, 6), List.of(6, 3, 1, 53, 54, 51)))
                .containsExactly(53, 54, 51, 1, 3, 6);
    }

    @Test
    void requestedOptionsFollowThePrlThenTheRestThenAgentInformation() {
        assertThat(OptionOrdering.forReply(List.of(15, 6, 3), List.of(82, 42, 3, 6, 15, 53, 58, 59, 26)))
                .containsExactly(53, 58, 59, 15, 6, 3, 42, 26, 82);
    }

    @Test
    void withoutPrlTheConfiguredOrderIsKept() {
        assertThat(OptionOrdering.forReply(List.of(), List.of(28, 3, 53, 56, 54))).containsExactly(53, 54, 56, 28, 3);
    }

    @Test
    void requestedButUnavailableCodesAreIgnored() {
        assertThat(OptionOrdering.forReply(List.of(1, 2, 3, 119), List.of(3, 53))).containsExactly(53, 3);
    }

    @Test
    void reordersOptionValues() {
        DhcpOptions options = DhcpOptions.builder().put(3, new byte[4]).put(1, new byte[4])
                .messageType(MessageType.DHCPACK).build();
        assertThat(OptionOrdering.orderForReply(List.of(3, 1), options).codes()).containsExactly(53, 1, 3);
    }
}
