package io.ironlease.shared.options;

import java.util.Optional;

/**
 * One field kind of an option's format, named after ISC's format letters (common/tables.c), so the
 * standard table can be written in ISC's own compact notation and stays checkable against it.
 */
public enum OptionAtom {
    IP_ADDRESS('I', "ip-address", 4),
    IP6_ADDRESS('6', "ip6-address", 16),
    INT32('l', "signed integer 32", 4),
    UINT32('L', "unsigned integer 32", 4),
    INT16('s', "signed integer 16", 2),
    UINT16('S', "unsigned integer 16", 2),
    INT8('b', "signed integer 8", 1),
    UINT8('B', "unsigned integer 8", 1),
    /** A 32-bit count of seconds whose all-ones value means infinite (ISC 'T'). */
    LEASE_TIME('T', "unsigned integer 32", 4),
    FLAG('f', "boolean", 1),
    /** NVT ASCII text, always written as a quoted string (ISC 't'). */
    TEXT('t', "text", -1),
    /** Opaque bytes, written as a quoted string or colon-separated hex (ISC 'X'). */
    STRING('X', "string", -1),
    /** One domain name in RFC 1035 wire format (ISC 'd'). */
    DOMAIN_NAME('d', "domain-name", -1),
    /** A list of domain names in RFC 1035 wire format (ISC 'D'). */
    DOMAIN_LIST('D', "domain-list", -1),
    /** A domain list with RFC 1035 4.1.4 compression pointers, as ISC encodes option 119 (ISC 'Dc'). */
    DOMAIN_LIST_COMPRESSED('c', "domain-list compressed", -1),
    /** Suboptions of another option space (ISC 'E'); the field's argument names the space. */
    ENCAPSULATION('E', "encapsulate", -1),
    /** A named enumeration (ISC 'N'); the field's argument names the enumeration. */
    ENUMERATION('N', "enumeration", 1),
    /** The name of an option space (ISC 'U'), as vendor-option-space takes. */
    SPACE_NAME('U', "text", -1),
    /** No data: the option's presence is the information (ISC 'Z'). */
    ZERO_LENGTH('Z', "zerolen", 0);

    private final char letter;
    private final String typeText;
    private final int width;

    OptionAtom(char letter, String typeText, int width) {
        this.letter = letter;
        this.typeText = typeText;
        this.width = width;
    }

    /** ISC's format letter ('c' stands for the two letters "Dc"). */
    public char letter() {
        return letter;
    }

    /** The type as {@code option NAME code N = TYPE} writes it. */
    public String typeText() {
        return typeText;
    }

    /** Bytes on the wire, or -1 for atoms that take the rest of the option. */
    public int width() {
        return width;
    }

    public boolean isFixedWidth() {
        return width >= 0;
    }

    public boolean isInteger() {
        return switch (this) {
            case INT32, UINT32, INT16, UINT16, INT8, UINT8, LEASE_TIME -> true;
            default -> false;
        };
    }

    public boolean isSigned() {
        return this == INT32 || this == INT16 || this == INT8;
    }

    /** The smallest value an integer atom holds. */
    public long minValue() {
        return isSigned() ? -(1L << (width * 8 - 1)) : 0;
    }

    /** The largest value an integer atom holds. */
    public long maxValue() {
        return isSigned() ? (1L << (width * 8 - 1)) - 1 : (1L << (width * 8)) - 1;
    }

    public static Optional<OptionAtom> ofLetter(char letter) {
        for (OptionAtom atom : values()) {
            if (atom.letter == letter && atom != DOMAIN_LIST_COMPRESSED) {
                return Optional.of(atom);
            }
        }
        return Optional.empty();
    }
}
