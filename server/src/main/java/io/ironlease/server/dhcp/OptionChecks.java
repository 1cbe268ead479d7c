package io.ironlease.server.dhcp;

/**
 * Length and value checks for the options whose meaning the protocol depends on. Run on every option
 * that enters a {@link DhcpOptions}, so typed accessors never meet a malformed value.
 */
final class OptionChecks {

    private OptionChecks() {
    }

    /** Throws IllegalArgumentException with a precise reason when the value cannot be that option. */
    static void check(int code, byte[] value) {
        switch (code) {
            case OptionCodes.MESSAGE_TYPE -> length(code, "message type", value, 1);
            case OptionCodes.OVERLOAD -> {
                length(code, "option overload", value, 1);
                Overload.fromCode(value[0] & 0xff);
            }
            case OptionCodes.REQUESTED_ADDRESS -> length(code, "requested address", value, 4);
            case OptionCodes.SERVER_IDENTIFIER -> length(code, "server identifier", value, 4);
            case OptionCodes.LEASE_TIME -> length(code, "lease time", value, 4);
            case OptionCodes.RENEWAL_TIME -> length(code, "renewal (T1) time", value, 4);
            case OptionCodes.REBINDING_TIME -> length(code, "rebinding (T2) time", value, 4);
            case OptionCodes.MAX_MESSAGE_SIZE -> length(code, "maximum message size", value, 2);
            case OptionCodes.RELAY_AGENT_INFORMATION -> RelayAgentInformation.parse(value);
            default -> {
                // other options are carried raw; their types belong to the shared option table
            }
        }
    }

    private static void length(int code, String name, byte[] value, int expected) {
        if (value.length != expected) {
            throw new IllegalArgumentException(name + " (option " + code + ") must be " + expected
                    + " byte" + (expected == 1 ? "" : "s") + ", got " + value.length);
        }
    }
}
