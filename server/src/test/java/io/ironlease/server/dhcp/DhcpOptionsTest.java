package io.ironlease.server.dhcp;

import static io.ironlease.server.dhcp.TestPackets.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DhcpOptionsTest {

    @Test
    void typedSettersAndAccessorsAgree() {
        DhcpOptions o = DhcpOptions.builder().messageType(MessageType.DHCPREQUEST)
                .requestedAddress(ip("10.0.0.5")).serverIdentifier(ip("10.0.0.1")).leaseTime(0xffffffffL)
                .renewalTime(100).rebindingTime(175).parameterRequestList(List.of(1, 3, 255))
                .maxMessageSize(1500).clientIdentifier(new byte[] {1, 2}).hostName("pc").vendorClass(new byte[] {7})
                .build();
        assertThat(o.messageType()).contains(MessageType.DHCPREQUEST);
        assertThat(o.requestedAddress()).contains(ip("10.0.0.5"));
        assertThat(o.serverIdentifier()).contains(ip("10.0.0.1"));
        assertThat(o.leaseTime()).hasValue(0xffffffffL);
        assertThat(o.renewalTime()).hasValue(100);
        assertThat(o.rebindingTime()).hasValue(175);
        assertThat(o.parameterRequestList()).containsExactly(1, 3, 255);
        assertThat(o.maxMessageSize()).hasValue(1500);
        assertThat(o.clientIdentifier()).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2));
        assertThat(o.hostName()).contains("pc");
        assertThat(o.vendorClass()).hasValueSatisfying(v -> assertThat(v).containsExactly(7));
        assertThat(o.codes()).containsExactly(53, 50, 54, 51, 58, 59, 55, 57, 61, 12, 60);
    }

    @Test
    void absentOptionsAreEmpty() {
        DhcpOptions o = DhcpOptions.empty();
        assertThat(o.messageType()).isEmpty();
        assertThat(o.leaseTime()).isEmpty();
        assertThat(o.parameterRequestList()).isEmpty();
        assertThat(o.relayAgentInformation()).isEmpty();
        assertThat(o.overload()).isEmpty();
    }

    @Test
    void unknownMessageTypeIsReportedNotDefaulted() {
        DhcpOptions o = DhcpOptions.builder().put(53, new byte[] {(byte) 200}).build();
        assertThat(o.messageType()).isEmpty();
        assertThat(o.messageTypeCode()).hasValue(200);
        assertThatThrownBy(() -> MessageType.fromCode(200)).hasMessageContaining("unknown DHCP message type 200");
        assertThat(MessageType.fromCode(10)).isEqualTo(MessageType.DHCPLEASEQUERY);
        assertThat(MessageType.fromCode(18)).isEqualTo(MessageType.DHCPTLS);
    }

    @Test
    void putReplacesInPlaceAndValuesAreCopies() {
        byte[] value = {1, 2, 3, 4};
        DhcpOptions o = DhcpOptions.builder().put(3, value).put(6, value).put(3, new byte[] {9, 9, 9, 9}).build();
        value[0] = 0;
        assertThat(o.codes()).containsExactly(3, 6);
        assertThat(o.get(6)).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3, 4));
        o.get(6).orElseThrow()[0] = 5;
        assertThat(o.get(6)).hasValueSatisfying(v -> assertThat(v[0]).isEqualTo((byte) 1));
        assertThat(o.without(3).codes()).containsExactly(6);
        assertThat(o.with(1, new byte[4]).codes()).containsExactly(3, 6, 1);
    }

    @Test
    void malformedEssentialValuesAreRefused() {
        assertThatThrownBy(() -> DhcpOptions.builder().put(51, new byte[3]))
                .hasMessageContaining("lease time (option 51) must be 4 bytes, got 3");
        assertThatThrownBy(() -> DhcpOptions.builder().put(52, new byte[] {0})).hasMessageContaining("overload");
        assertThatThrownBy(() -> DhcpOptions.builder().put(0, new byte[0])).hasMessageContaining("1-254");
        assertThatThrownBy(() -> DhcpOptions.builder().put(255, new byte[0])).hasMessageContaining("1-254");
    }

    @Test
    void hostNameDropsTrailingNuls() {
        assertThat(DhcpOptions.builder().put(12, new byte[] {'a', 'b', 0}).build().hostName()).contains("ab");
    }

    @Test
    void orderMattersForEqualityButNotForEqualsIgnoringOrder() {
        DhcpOptions a = DhcpOptions.builder().put(3, new byte[4]).put(6, new byte[4]).build();
        DhcpOptions b = DhcpOptions.builder().put(6, new byte[4]).put(3, new byte[4]).build();
        assertThat(a).isNotEqualTo(b);
        assertThat(a.equalsIgnoringOrder(b)).isTrue();
        assertThat(a.equalsIgnoringOrder(a.with(3, new byte[] {1, 1, 1, 1}))).isFalse();
    }
}
