package io.ironlease.server.dhcp;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.util.Objects;
import java.util.Optional;

/**
 * A BOOTP/DHCP message (RFC 2131 2, figure 1). htype and hlen are those of {@code chaddr}; sname and
 * file are the NUL-terminated header strings (ISO-8859-1), empty when unused or when they carried
 * overloaded options. Immutable; build replies with {@link #replyTo} or {@link #toBuilder}.
 */
public record DhcpPacket(
        BootOp op,
        HardwareAddress chaddr,
        int hops,
        int xid,
        int secs,
        int flags,
        Ipv4Address ciaddr,
        Ipv4Address yiaddr,
        Ipv4Address siaddr,
        Ipv4Address giaddr,
        String sname,
        String file,
        DhcpOptions options) {

    /** The BROADCAST bit of {@code flags} (RFC 2131 2, figure 2). */
    public static final int BROADCAST_FLAG = 0x8000;
    public static final int SNAME_LENGTH = 64;
    public static final int FILE_LENGTH = 128;
    private static final HardwareAddress NO_HARDWARE = HardwareAddress.ethernet(new byte[6]);

    public DhcpPacket {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(chaddr, "chaddr");
        Objects.requireNonNull(ciaddr, "ciaddr");
        Objects.requireNonNull(yiaddr, "yiaddr");
        Objects.requireNonNull(siaddr, "siaddr");
        Objects.requireNonNull(giaddr, "giaddr");
        Objects.requireNonNull(options, "options");
        range("hops", hops, 0xff);
        range("secs", secs, 0xffff);
        range("flags", flags, 0xffff);
        headerString("sname", sname, SNAME_LENGTH);
        headerString("file", file, FILE_LENGTH);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A BOOTREPLY skeleton for {@code request} per RFC 2131 table 3: xid, flags, giaddr, chaddr and hops
     * copied (ISC copies hops too), secs 0, no options yet.
     */
    public static Builder replyTo(DhcpPacket request) {
        return builder().op(BootOp.BOOTREPLY).chaddr(request.chaddr).hops(request.hops).xid(request.xid)
                .flags(request.flags).giaddr(request.giaddr);
    }

    public Builder toBuilder() {
        return new Builder().op(op).chaddr(chaddr).hops(hops).xid(xid).secs(secs).flags(flags).ciaddr(ciaddr)
                .yiaddr(yiaddr).siaddr(siaddr).giaddr(giaddr).sname(sname).file(file).options(options);
    }

    public int htype() {
        return chaddr.type();
    }

    public int hlen() {
        return chaddr.length();
    }

    public boolean broadcast() {
        return (flags & BROADCAST_FLAG) != 0;
    }

    /** Option 53; empty for a plain BOOTP message or an unknown type. */
    public Optional<MessageType> messageType() {
        return options.messageType();
    }

    /** A BOOTP (RFC 951) message: no DHCP message type option at all. */
    public boolean isBootp() {
        return !options.contains(OptionCodes.MESSAGE_TYPE);
    }

    public boolean relayed() {
        return !giaddr.isAny();
    }

    public DhcpPacket withOptions(DhcpOptions newOptions) {
        return toBuilder().options(newOptions).build();
    }

    public DhcpPacket withFlags(int newFlags) {
        return toBuilder().flags(newFlags).build();
    }

    private static void range(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " out of 0-" + max + ": " + value);
        }
    }

    private static void headerString(String name, String value, int max) {
        Objects.requireNonNull(value, name);
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " longer than " + max + " bytes: " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c > 0xff) {
                throw new IllegalArgumentException(name + " has a NUL or non-Latin-1 character at " + i);
            }
        }
    }

    /** Mutable collector with BOOTP defaults: BOOTREQUEST, zero addresses, empty strings and options. */
    public static final class Builder {
        private BootOp op = BootOp.BOOTREQUEST;
        private HardwareAddress chaddr = NO_HARDWARE;
        private int hops;
        private int xid;
        private int secs;
        private int flags;
        private Ipv4Address ciaddr = Ipv4Address.ANY;
        private Ipv4Address yiaddr = Ipv4Address.ANY;
        private Ipv4Address siaddr = Ipv4Address.ANY;
        private Ipv4Address giaddr = Ipv4Address.ANY;
        private String sname = "";
        private String file = "";
        private DhcpOptions options = DhcpOptions.empty();

        private Builder() {
        }

        public Builder op(BootOp value) {
            op = value;
            return this;
        }

        public Builder chaddr(HardwareAddress value) {
            chaddr = value;
            return this;
        }

        public Builder hops(int value) {
            hops = value;
            return this;
        }

        public Builder xid(int value) {
            xid = value;
            return this;
        }

        public Builder secs(int value) {
            secs = value;
            return this;
        }

        public Builder flags(int value) {
            flags = value;
            return this;
        }

        public Builder broadcast(boolean on) {
            flags = on ? flags | BROADCAST_FLAG : flags & ~BROADCAST_FLAG;
            return this;
        }

        public Builder ciaddr(Ipv4Address value) {
            ciaddr = value;
            return this;
        }

        public Builder yiaddr(Ipv4Address value) {
            yiaddr = value;
            return this;
        }

        public Builder siaddr(Ipv4Address value) {
            siaddr = value;
            return this;
        }

        public Builder giaddr(Ipv4Address value) {
            giaddr = value;
            return this;
        }

        public Builder sname(String value) {
            sname = value;
            return this;
        }

        public Builder file(String value) {
            file = value;
            return this;
        }

        public Builder options(DhcpOptions value) {
            options = value;
            return this;
        }

        public DhcpPacket build() {
            return new DhcpPacket(op, chaddr, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr, sname, file,
                    options);
        }
    }
}
