package io.ironlease.omapi.wire;

/**
 * A value that does not have the form its name calls for, e.g. {@code hardware-type} sent as the
 * 8-byte string "ethernet" instead of a 4-byte integer. ISC dhcpd answers such values with
 * "invalid argument" (0x60003), and the ironlease server does the same when a provider's typed
 * read throws this.
 */
public final class OmapiValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String name;

    public OmapiValueException(String name, String problem) {
        super("value \"" + name + "\": " + problem);
        this.name = name;
    }

    /** The name of the offending value. */
    public String name() {
        return name;
    }
}
