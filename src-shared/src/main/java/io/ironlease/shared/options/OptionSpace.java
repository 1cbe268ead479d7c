package io.ironlease.shared.options;

import java.util.Objects;

/**
 * An option space (ISC "universe"): a namespace of option codes with its own code and length widths,
 * e.g. {@code agent} for the relay-agent-information (82) suboptions.
 *
 * @param name        space name as dhcpd.conf writes it
 * @param codeWidth   bytes of each suboption code (1, 2 or 4)
 * @param lengthWidth bytes of each suboption length (0, 1 or 2)
 */
public record OptionSpace(String name, int codeWidth, int lengthWidth) {

    /** The DHCPv4 options of RFC 2132 and later. */
    public static final String DHCP = "dhcp";
    /** Relay agent information suboptions (RFC 3046), option 82. */
    public static final String AGENT = "agent";
    /** ISC's virtual space for the client FQDN option 81 fields. */
    public static final String FQDN = "fqdn";
    /** NetWare/IP suboptions, option 63. */
    public static final String NWIP = "nwip";
    /** dhcpd.conf parameters (default-lease-time, ...): ISC keeps them as options of this space. */
    public static final String SERVER = "server";

    public OptionSpace {
        Objects.requireNonNull(name, "name");
        if (codeWidth != 1 && codeWidth != 2 && codeWidth != 4) {
            throw new IllegalArgumentException("code width must be 1, 2 or 4: " + codeWidth);
        }
        if (lengthWidth != 0 && lengthWidth != 1 && lengthWidth != 2) {
            throw new IllegalArgumentException("length width must be 0, 1 or 2: " + lengthWidth);
        }
    }

    /** A space with ISC's defaults for {@code option space NAME;}: one-byte codes and lengths. */
    public static OptionSpace named(String name) {
        return new OptionSpace(name, 1, 1);
    }

    /** The largest code this space can carry. */
    public long maxCode() {
        return codeWidth == 4 ? 0xffff_ffffL : (1L << (codeWidth * 8)) - 1;
    }
}
