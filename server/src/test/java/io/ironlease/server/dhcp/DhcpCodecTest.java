package io.ironlease.server.dhcp;

import static io.ironlease.server.dhcp.TestPackets.ip;
import static io.ironlease.server.dhcp.TestPackets.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.shared.net.HardwareAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DhcpCodecTest {

    private static DhcpParseException parseError(byte[] data) {
        try {
            DhcpCodec.decode(data);
        } catch (DhcpParseException e) {
            return e;
        }
        throw new AssertionError("decoded without error");
    }

    @Test
    void shortMessageIsRejectedWithItsLength() {
        DhcpParseException e = parseError(new byte[235]);
        assertThat(e.offset()).isEqualTo(235);
        assertThat(e.getMessage()).contains("shorter than the 236-byte BOOTP header");
    }

    @Test
    void unknownOpAndLongHlenAreRejected() {
        byte[] data = raw(255);
        data[0] = 3;
        assertThat(parseError(data).offset()).isZero();
        data = raw(255);
        data[2] = 17;
        DhcpParseException e = parseError(data);
        assertThat(e.offset()).isEqualTo(2);
        assertThat(e.getMessage()).contains("hlen 17");
    }

    @Test
    void optionRunningPastTheEndIsRejectedAtItsOffset() {
        DhcpParseException e = parseError(raw(53, 1, 1, 12, 10, 'a', 'b'));
        assertThat(e.offset()).isEqualTo(243);
        assertThat(e.getMessage()).contains("option 12 of length 10 runs past the end of the options field");
        assertThat(parseError(raw(53, 1, 1, 12)).getMessage()).contains("option 12 has no length byte");
    }

    @Test
    void badEssentialOptionIsRejectedAtItsFirstInstance() {
        DhcpParseException e = parseError(raw(0, 53, 2, 1, 1, 255));
        assertThat(e.offset()).isEqualTo(241);
        assertThat(e.getMessage()).contains("message type (option 53) must be 1 byte, got 2");
        assertThat(parseError(raw(53, 1, 1, 54, 3, 1, 2, 3, 255)).getMessage()).contains("server identifier");
        assertThat(parseError(raw(53, 1, 1, 82, 3, 1, 5, 0, 255)).getMessage()).contains("sub-option 1");
    }

    @Test
    void withoutMagicCookieItIsPlainBootpWithNoOptions() throws Exception {
        byte[] data = raw(53, 1, 1, 255);
        data[236] = 0;
        DhcpPacket p = DhcpCodec.decode(data);
        assertThat(p.options().isEmpty()).isTrue();
        assertThat(p.isBootp()).isTrue();
        assertThat(DhcpCodec.decode(Arrays.copyOf(data, 236)).isBootp()).isTrue();
    }

    @Test
    void endIsOptionalWhenTheLastOptionFillsTheArea() throws Exception {
        DhcpPacket p = DhcpCodec.decode(raw(53, 1, 3, 0, 0));
        assertThat(p.messageType()).contains(MessageType.DHCPREQUEST);
        assertThat(DhcpCodec.decode(raw(53, 1, 3)).messageType()).contains(MessageType.DHCPREQUEST);
    }

    @Test
    void bytesAfterEndAreIgnored() throws Exception {
        DhcpPacket p = DhcpCodec.decode(raw(53, 1, 1, 255, 12, 200, 7));
        assertThat(p.options().codes()).containsExactly(53);
    }

    @Test
    void repeatedCodesAreConcatenatedInOrder() throws Exception {
        DhcpPacket p = DhcpCodec.decode(raw(53, 1, 1, 119, 2, 'a', 'b', 12, 1, 'h', 119, 1, 'c', 255));
        assertThat(p.options().codes()).containsExactly(53, 119, 12);
        assertThat(p.options().get(119)).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("abc"));
    }

    @Test
    void overloadContinuesInFileThenSname() throws Exception {
        byte[] data = raw(53, 1, 1, 52, 1, 3, 119, 1, 'a', 255);
        data[108] = 119;
        data[109] = 1;
        data[110] = 'b';
        data[111] = (byte) 255;
        data[44] = 12;
        data[45] = 1;
        data[46] = 'h';
        data[47] = 119;
        data[48] = 1;
        data[49] = 'c';
        data[50] = (byte) 255;
        DhcpPacket p = DhcpCodec.decode(data);
        assertThat(p.options().overload()).contains(Overload.BOTH);
        assertThat(p.options().get(119)).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("abc"));
        assertThat(p.options().hostName()).contains("h");
        assertThat(p.sname()).isEmpty();
        assertThat(p.file()).isEmpty();
    }

    @Test
    void overloadOptionMustBeValidAndOnlyInTheOptionsField() {
        DhcpParseException bad = parseError(raw(53, 1, 1, 52, 1, 4, 255));
        assertThat(bad.offset()).isEqualTo(243);
        assertThat(bad.getMessage()).contains("overload value 4");
        byte[] data = raw(53, 1, 1, 52, 1, 1, 255);
        data[108] = 52;
        data[109] = 1;
        data[110] = 2;
        DhcpParseException nested = parseError(data);
        assertThat(nested.offset()).isEqualTo(108);
        assertThat(nested.getMessage()).contains("outside the options field, in the file field");
        byte[] overrun = raw(53, 1, 1, 52, 1, 2, 255);
        overrun[106] = 12;
        overrun[107] = 5;
        assertThat(parseError(overrun).getMessage()).contains("runs past the end of the sname field");
    }

    @Test
    void snameAndFileAreNulTerminatedStrings() throws Exception {
        byte[] data = raw(53, 1, 2, 255);
        System.arraycopy("server-1".getBytes(), 0, data, 44, 8);
        System.arraycopy("pxelinux.0".getBytes(), 0, data, 108, 10);
        DhcpPacket p = DhcpCodec.decode(ByteBuffer.wrap(data));
        assertThat(p.sname()).isEqualTo("server-1");
        assertThat(p.file()).isEqualTo("pxelinux.0");
        assertThat(DhcpCodec.encode(p)).startsWith(Arrays.copyOf(data, 240));
    }

    @Test
    void repliesArePaddedToTheBootpMinimum() throws Exception {
        DhcpPacket reply = TestPackets.reply(TestPackets.request(MessageType.DHCPDISCOVER), MessageType.DHCPOFFER);
        byte[] bytes = DhcpCodec.encode(reply);
        assertThat(bytes).hasSize(300);
        assertThat(DhcpCodec.decode(bytes)).isEqualTo(reply);
    }

    @Test
    void longOptionsAreSplitIntoInstances() throws Exception {
        byte[] big = new byte[600];
        Arrays.fill(big, (byte) 'x');
        DhcpPacket p = TestPackets.request(MessageType.DHCPDISCOVER).toBuilder()
                .options(DhcpOptions.builder().messageType(MessageType.DHCPDISCOVER).put(43, big).build()).build();
        byte[] bytes = DhcpCodec.encode(p, 1500);
        assertThat(bytes[243] & 0xff).isEqualTo(43);
        assertThat(bytes[244] & 0xff).isEqualTo(255);
        assertThat(bytes[243 + 257] & 0xff).isEqualTo(43);
        assertThat(bytes[243 + 514 + 1] & 0xff).isEqualTo(90);
        assertThat(DhcpCodec.decode(bytes)).isEqualTo(p);
    }

    @Test
    void optionsOverflowIntoFileAndSnameWithinTheLimit() throws Exception {
        DhcpOptionsBuilder options = DhcpOptions.builder().messageType(MessageType.DHCPACK)
                .serverIdentifier(ip("10.0.0.1")).leaseTime(600);
        for (int code = 100; code < 110; code++) {
            options.put(code, new byte[40]);
        }
        DhcpPacket p = TestPackets.request(MessageType.DHCPREQUEST).toBuilder().options(options.build()).build();
        DhcpCodec.Encoded encoded = DhcpCodec.encodeReporting(p, 548);
        // options field: 15 + 6 x 42 bytes, then 52 and END; three more in file, one in sname
        assertThat(encoded.bytes()).hasSize(240 + 15 + 6 * 42 + 3 + 1);
        assertThat(encoded.overload()).contains(Overload.BOTH);
        assertThat(encoded.droppedCodes()).isEmpty();
        DhcpPacket back = DhcpCodec.decode(encoded.bytes());
        assertThat(back.options().without(52)).isEqualTo(p.options());
        assertThat(back.options().overload()).contains(Overload.BOTH);
    }

    @Test
    void whatDoesNotFitIsDroppedLastFirstButEssentialsStay() throws Exception {
        DhcpOptionsBuilder options = DhcpOptions.builder().put(100, new byte[200]).put(101, new byte[200])
                .put(102, new byte[10]).messageType(MessageType.DHCPACK).leaseTime(600);
        DhcpPacket p = TestPackets.request(MessageType.DHCPREQUEST).toBuilder().file("boot.img")
                .sname("tftp").options(options.build()).build();
        DhcpCodec.Encoded encoded = DhcpCodec.encodeReporting(p, 300);
        assertThat(encoded.bytes()).hasSize(300);
        assertThat(encoded.overload()).isEmpty();
        assertThat(encoded.droppedCodes()).containsExactly(100, 101);
        DhcpPacket back = DhcpCodec.decode(encoded.bytes());
        assertThat(back.options().codes()).containsExactly(102, 53, 51);
        assertThat(back.file()).isEqualTo("boot.img");
    }

    @Test
    void relayAgentInformationGoesLastAndOutsideTheLimit() throws Exception {
        RelayAgentInformation agent = RelayAgentInformation.of(new byte[30], new byte[20]);
        DhcpOptionsBuilder options = DhcpOptions.builder().relayAgentInformation(agent)
                .messageType(MessageType.DHCPOFFER).put(100, new byte[300 - 240 - 1 - 3 - 2]);
        DhcpPacket p = TestPackets.request(MessageType.DHCPDISCOVER).toBuilder().options(options.build()).build();
        DhcpCodec.Encoded encoded = DhcpCodec.encodeReporting(p, 300);
        assertThat(encoded.droppedCodes()).isEmpty();
        assertThat(encoded.overload()).isEmpty();
        assertThat(encoded.bytes()).hasSize(300 + 2 + 32 + 22);
        DhcpPacket back = DhcpCodec.decode(encoded.bytes());
        assertThat(back.options().codes()).containsExactly(53, 100, 82);
        assertThat(back.options().relayAgentInformation()).contains(agent);
    }

    @Test
    void maxReplyLengthFollowsOption57Clamped() {
        DhcpPacket p = TestPackets.request(MessageType.DHCPDISCOVER);
        assertThat(DhcpCodec.maxReplyLength(p)).isEqualTo(548);
        assertThat(DhcpCodec.maxReplyLength(p.withOptions(p.options().toBuilder().maxMessageSize(1000).build())))
                .isEqualTo(972);
        assertThat(DhcpCodec.maxReplyLength(p.withOptions(p.options().toBuilder().maxMessageSize(300).build())))
                .isEqualTo(548);
        assertThat(DhcpCodec.maxReplyLength(p.withOptions(p.options().toBuilder().maxMessageSize(9000).build())))
                .isEqualTo(1472);
        assertThat(DhcpCodec.maxReplyLength(p.withOptions(DhcpOptions.empty()))).isEqualTo(300);
    }

    @Test
    void hardwareAddressOfAnyLengthUpTo16() throws Exception {
        HardwareAddress ib = HardwareAddress.of(HardwareAddress.INFINIBAND, new byte[16]);
        DhcpPacket p = TestPackets.request(MessageType.DHCPDISCOVER).toBuilder().chaddr(ib).build();
        assertThat(DhcpCodec.decode(DhcpCodec.encode(p)).chaddr()).isEqualTo(ib);
        assertThatThrownBy(() -> DhcpCodec.encode(p, 299)).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(DhcpCodec.decode(DhcpCodec.encode(p)).htype())).containsExactly(32);
    }
}
