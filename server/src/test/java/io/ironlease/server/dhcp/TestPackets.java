package io.ironlease.server.dhcp;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;

/** Small builders shared by the codec and routing tests. */
final class TestPackets {

    static final HardwareAddress MAC = HardwareAddress.parseEthernet("02:00:00:00:00:01");

    private TestPackets() {
    }

    static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    static DhcpPacket request(MessageType type) {
        return DhcpPacket.builder().chaddr(MAC).xid(0x1234)
                .options(DhcpOptions.builder().messageType(type).build()).build();
    }

    static DhcpPacket reply(DhcpPacket request, MessageType type) {
        return DhcpPacket.replyTo(request).yiaddr(ip("10.0.0.10"))
                .options(DhcpOptions.builder().messageType(type).serverIdentifier(ip("10.0.0.1"))
                        .leaseTime(3600).renewalTime(1800).rebindingTime(3150).build()).build();
    }

    /** A 240-byte header with the magic cookie, followed by {@code options} bytes. */
    static byte[] raw(int... options) {
        byte[] out = new byte[240 + options.length];
        out[0] = 1;
        out[1] = 1;
        out[2] = 6;
        out[236] = 0x63;
        out[237] = (byte) 0x82;
        out[238] = 0x53;
        out[239] = 0x63;
        for (int i = 0; i < options.length; i++) {
            out[240 + i] = (byte) options[i];
        }
        return out;
    }
}
