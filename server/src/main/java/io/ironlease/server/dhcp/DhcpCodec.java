package io.ironlease.server.dhcp;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Bytes to {@link DhcpPacket} and back (RFC 2131 2 and 4.1, RFC 2132, RFC 3396). Pure and
 * thread-safe. Decoding checks every length against the datagram before reading; encoding never
 * exceeds the size it is given and reports what it had to leave out.
 *
 * <p>Decisions where the RFCs leave room, each matching ISC dhcpd 4.4.3:
 * <ul>
 * <li>A message of 236 to 239 bytes, or one whose vendor area does not start with the magic cookie,
 *     is a plain BOOTP message (RFC 951) with no options: the vendor area is ignored, as dhcpd does.
 * <li>An option area may end without END when its last option fills it exactly: dhcpd itself sends
 *     such an options field when it appends relay agent information to a full, overloaded message
 *     (golden vector {@code isc-offer-overload-agent-info}).
 * <li>The client's maximum message size (option 57) counts the IP and UDP headers (28 bytes), is
 *     clamped to 576-1500, and does not count the relay agent information option, which the relay
 *     removes before the client sees the reply (RFC 3046 2.2).
 * </ul>
 */
public final class DhcpCodec {

    /** op through file (RFC 2131 figure 1). */
    public static final int HEADER_LENGTH = 236;
    public static final int MAGIC_COOKIE = 0x63825363;
    /** Replies are padded to the BOOTP message size some relays require (RFC 1542 2.1). */
    public static final int BOOTP_MIN_LENGTH = 300;
    /** The largest message every client accepts: 576 minus IP and UDP headers (RFC 2131 2). */
    public static final int DEFAULT_MAX_LENGTH = 548;
    public static final int IP_UDP_OVERHEAD = 28;

    private static final int SNAME_OFFSET = 44;
    private static final int FILE_OFFSET = 108;
    private static final int OPTIONS_OFFSET = 240;

    /** An encoded message and the options that did not fit. */
    public record Encoded(byte[] bytes, List<Integer> droppedCodes, Optional<Overload> overload) {
    }

    private DhcpCodec() {
    }

    public static DhcpPacket decode(byte[] data) throws DhcpParseException {
        return decode(data, 0, data.length);
    }

    /** Decodes the buffer's remaining bytes without moving its position. */
    public static DhcpPacket decode(ByteBuffer buffer) throws DhcpParseException {
        byte[] data = new byte[buffer.remaining()];
        buffer.duplicate().get(data);
        return decode(data, 0, data.length);
    }

    public static DhcpPacket decode(byte[] data, int offset, int length) throws DhcpParseException {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside " + data.length);
        }
        if (length < HEADER_LENGTH) {
            throw new DhcpParseException("message of " + length + " bytes is shorter than the "
                    + HEADER_LENGTH + "-byte BOOTP header", length);
        }
        BootOp op;
        try {
            op = BootOp.fromCode(data[offset] & 0xff);
        } catch (IllegalArgumentException e) {
            throw new DhcpParseException(e.getMessage(), 0);
        }
        int htype = data[offset + 1] & 0xff;
        int hlen = data[offset + 2] & 0xff;
        if (hlen > HardwareAddress.MAX_LENGTH) {
            throw new DhcpParseException("hlen " + hlen + " is more than the 16 bytes of chaddr", 2);
        }
        DhcpPacket.Builder packet = DhcpPacket.builder().op(op)
                .chaddr(HardwareAddress.of(htype, Arrays.copyOfRange(data, offset + 28, offset + 28 + hlen)))
                .hops(data[offset + 3] & 0xff)
                .xid(Ipv4Address.fromBytes(data, offset + 4).bits())
                .secs(u16(data, offset + 8))
                .flags(u16(data, offset + 10))
                .ciaddr(Ipv4Address.fromBytes(data, offset + 12))
                .yiaddr(Ipv4Address.fromBytes(data, offset + 16))
                .siaddr(Ipv4Address.fromBytes(data, offset + 20))
                .giaddr(Ipv4Address.fromBytes(data, offset + 24));
        boolean dhcp = length >= OPTIONS_OFFSET && Ipv4Address.fromBytes(data, offset + HEADER_LENGTH).bits() == MAGIC_COOKIE;
        Overload overload = null;
        if (dhcp) {
            OptionAreaReader reader = new OptionAreaReader(data, offset);
            reader.read(OPTIONS_OFFSET, length, "options field", true);
            overload = reader.overload();
            if (overload != null && overload.usesFile()) {
                reader.read(FILE_OFFSET, HEADER_LENGTH, "file field", false);
            }
            if (overload != null && overload.usesSname()) {
                reader.read(SNAME_OFFSET, FILE_OFFSET, "sname field", false);
            }
            packet.options(reader.build());
        }
        boolean fileHasOptions = overload != null && overload.usesFile();
        boolean snameHasOptions = overload != null && overload.usesSname();
        packet.sname(snameHasOptions ? "" : headerString(data, offset + SNAME_OFFSET, DhcpPacket.SNAME_LENGTH));
        packet.file(fileHasOptions ? "" : headerString(data, offset + FILE_OFFSET, DhcpPacket.FILE_LENGTH));
        return packet.build();
    }

    /** Encodes within {@link #DEFAULT_MAX_LENGTH}. */
    public static byte[] encode(DhcpPacket packet) {
        return encode(packet, DEFAULT_MAX_LENGTH);
    }

    /** Encodes within {@code maxLength} bytes (at least 300), dropping options that do not fit. */
    public static byte[] encode(DhcpPacket packet, int maxLength) {
        return encodeReporting(packet, maxLength).bytes();
    }

    /**
     * Encodes with options in the packet's order: the options field first; when that is full, file and
     * then sname (when the packet leaves them empty) with option 52 (RFC 2132 9.3); what still does not
     * fit is dropped, last options first. Option 82 goes last in the options field, outside the limit.
     */
    public static Encoded encodeReporting(DhcpPacket packet, int maxLength) {
        if (maxLength < BOOTP_MIN_LENGTH) {
            throw new IllegalArgumentException("maximum length " + maxLength + " is under the BOOTP "
                    + BOOTP_MIN_LENGTH + " bytes");
        }
        List<DhcpOption> options = new ArrayList<>();
        DhcpOption agent = null;
        for (DhcpOption option : packet.options().asList()) {
            if (option.code() == OptionCodes.RELAY_AGENT_INFORMATION) {
                agent = option;
            } else if (option.code() != OptionCodes.OVERLOAD) {
                options.add(option);
            }
        }
        int main = maxLength - OPTIONS_OFFSET - 1;
        OptionAreaWriter.Layout plain = OptionAreaWriter.layout(options, new int[] {main});
        OptionAreaWriter.Layout layout = plain;
        Overload overload = null;
        if (!plain.dropped().isEmpty()) {
            int file = packet.file().isEmpty() ? DhcpPacket.FILE_LENGTH - 1 : 0;
            int sname = packet.sname().isEmpty() ? DhcpPacket.SNAME_LENGTH - 1 : 0;
            OptionAreaWriter.Layout over = OptionAreaWriter.layout(options, new int[] {main - 3, file, sname});
            if ((over.uses(1) || over.uses(2)) && over.dropped().size() < plain.dropped().size()) {
                layout = over;
                overload = Overload.of(over.uses(1), over.uses(2));
            }
        }
        int mainEnd = OPTIONS_OFFSET + layout.used()[0] + (overload == null ? 0 : 3)
                + (agent == null ? 0 : agent.encodedLength()) + 1;
        byte[] out = new byte[Math.max(BOOTP_MIN_LENGTH, mainEnd)];
        writeHeader(packet, out);
        int at = OPTIONS_OFFSET;
        int fileAt = FILE_OFFSET;
        int snameAt = SNAME_OFFSET;
        for (OptionAreaWriter.Chunk chunk : layout.chunks()) {
            switch (chunk.area()) {
                case 0 -> at = OptionAreaWriter.write(out, at, chunk);
                case 1 -> fileAt = OptionAreaWriter.write(out, fileAt, chunk);
                default -> snameAt = OptionAreaWriter.write(out, snameAt, chunk);
            }
        }
        if (overload != null) {
            at = OptionAreaWriter.writeSplit(out, at, OptionCodes.OVERLOAD, new byte[] {(byte) overload.code()});
            if (overload.usesFile()) {
                out[fileAt] = (byte) OptionCodes.END;
            }
            if (overload.usesSname()) {
                out[snameAt] = (byte) OptionCodes.END;
            }
        }
        if (agent != null) {
            at = OptionAreaWriter.writeSplit(out, at, agent.code(), agent.rawValue());
        }
        out[at] = (byte) OptionCodes.END;
        return new Encoded(out, layout.dropped(), Optional.ofNullable(overload));
    }

    /**
     * The common case of {@link #encodeReporting} without its layout work or a new array: when every
     * option fits the options field as it is, writes the message into {@code out} (zeroed first) and
     * returns its length, the same bytes {@code encodeReporting} would make. Returns -1 when the options
     * need laying out (overload, splitting or dropping) or {@code out} is too short: encode with
     * {@code encodeReporting} then.
     */
    public static int encodeSimple(DhcpPacket packet, int maxLength, byte[] out) {
        if (maxLength < BOOTP_MIN_LENGTH) {
            throw new IllegalArgumentException("maximum length " + maxLength + " is under the BOOTP "
                    + BOOTP_MIN_LENGTH + " bytes");
        }
        List<DhcpOption> options = packet.options().asList();
        int used = 0;
        int agentLength = 0;
        for (int i = 0; i < options.size(); i++) { // indexed: no iterator per reply on the hot path
            DhcpOption option = options.get(i);
            if (option.code() == OptionCodes.RELAY_AGENT_INFORMATION) {
                agentLength = option.encodedLength();
            } else if (option.code() != OptionCodes.OVERLOAD) {
                if (option.length() > 255) {
                    return -1;
                }
                used += option.length() + 2;
            }
        }
        int length = Math.max(BOOTP_MIN_LENGTH, OPTIONS_OFFSET + used + agentLength + 1);
        if (used > maxLength - OPTIONS_OFFSET - 1 || length > out.length) {
            return -1;
        }
        java.util.Arrays.fill(out, 0, length, (byte) 0);
        writeHeader(packet, out);
        int at = OPTIONS_OFFSET;
        DhcpOption agent = null;
        for (int i = 0; i < options.size(); i++) {
            DhcpOption option = options.get(i);
            if (option.code() == OptionCodes.RELAY_AGENT_INFORMATION) {
                agent = option;
            } else if (option.code() != OptionCodes.OVERLOAD) {
                byte[] value = option.rawValue();
                out[at++] = (byte) option.code();
                out[at++] = (byte) value.length;
                System.arraycopy(value, 0, out, at, value.length);
                at += value.length;
            }
        }
        if (agent != null) {
            at = OptionAreaWriter.writeSplit(out, at, agent.code(), agent.rawValue());
        }
        out[at] = (byte) OptionCodes.END;
        return length;
    }

    /**
     * The largest reply for {@code request}: its option 57 clamped to 576-1500 (as dhcpd), less the IP
     * and UDP headers; {@link #DEFAULT_MAX_LENGTH} when it sent none; 300 bytes for a BOOTP request,
     * whose client expects the RFC 951 layout with a 64-byte vendor area (as dhcpd).
     */
    public static int maxReplyLength(DhcpPacket request) {
        if (request.isBootp()) {
            return BOOTP_MIN_LENGTH;
        }
        java.util.OptionalInt size = request.options().maxMessageSize();
        return size.isPresent() ? Math.max(576, Math.min(1500, size.getAsInt())) - IP_UDP_OVERHEAD : DEFAULT_MAX_LENGTH;
    }

    private static void writeHeader(DhcpPacket packet, byte[] out) {
        out[0] = (byte) packet.op().code();
        out[1] = (byte) packet.htype();
        out[2] = (byte) packet.hlen();
        out[3] = (byte) packet.hops();
        new Ipv4Address(packet.xid()).writeTo(out, 4);
        out[8] = (byte) (packet.secs() >>> 8);
        out[9] = (byte) packet.secs();
        out[10] = (byte) (packet.flags() >>> 8);
        out[11] = (byte) packet.flags();
        packet.ciaddr().writeTo(out, 12);
        packet.yiaddr().writeTo(out, 16);
        packet.siaddr().writeTo(out, 20);
        packet.giaddr().writeTo(out, 24);
        byte[] chaddr = packet.chaddr().bytes();
        System.arraycopy(chaddr, 0, out, 28, chaddr.length);
        byte[] sname = packet.sname().getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(sname, 0, out, SNAME_OFFSET, sname.length);
        byte[] file = packet.file().getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(file, 0, out, FILE_OFFSET, file.length);
        new Ipv4Address(MAGIC_COOKIE).writeTo(out, HEADER_LENGTH);
    }

    private static int u16(byte[] data, int offset) {
        return ((data[offset] & 0xff) << 8) | (data[offset + 1] & 0xff);
    }

    private static String headerString(byte[] data, int offset, int length) {
        if (data[offset] == 0) {
            return ""; // the usual case: no server name, no file
        }
        int end = 0;
        while (end < length && data[offset + end] != 0) {
            end++;
        }
        return new String(data, offset, end, StandardCharsets.ISO_8859_1);
    }
}
