package io.ironlease.omapi.wire;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OMAPI result code: the {@code result} value of a STATUS message. ISC dhcpd 4.4 uses BIND libisc
 * codes (class 0) and DHCP codes (class 6, {@code 0x60000 + n}); see OMAPI-NOTES section 6. This is an
 * open enum: {@link #valueOf(int)} answers every code, named or not. {@link #text()} is the text
 * omshell 4.4.3 prints for the code (read from its result tables), e.g. "not found" for 23.
 */
public final class OmapiStatus {

    private static final int DHCP_CLASS = 0x60000;
    private static final String UNKNOWN_TEXT = "(result code text not available)";

    /** libisc class 0, in code order: the texts omshell prints. */
    private static final String[] ISC_TEXTS = {
        "success", "out of memory", "timed out", "no available threads", "address not available",
        "address in use", "permission denied", "no pending connections", "network unreachable",
        "host unreachable", "network down", "host down", "connection refused", "not enough free resources",
        "end of file", "socket already bound", "reload", "lock busy", "already exists", "ran out of space",
        "operation canceled", "socket is not bound", "shutting down", "not found", "unexpected end of input",
        "failure", "I/O error", "not implemented", "unbalanced parentheses", "no more", "invalid file",
        "bad base64 encoding", "unexpected token", "quota reached", "unexpected error", "already running",
        "ignore", "address mask not contiguous", "file not found", "file already exists",
        "socket is not connected", "out of range", "out of entropy", "invalid use of multicast address",
        "not a file", "not a directory", "queue is full", "address family mismatch",
        "address family not supported", "bad hex encoding", "too many open files", "not blocking",
        "unbalanced quotes", "operation in progress", "connection reset", "soft quota reached",
        "not a valid number", "disabled", "max size", "invalid address format", "bad base32 encoding",
        "unset", "multiple", "would block",
    };

    /** ISC DHCP class 6 ({@code 0x60000 + n}), in code order. */
    private static final String[] DHCP_TEXTS = {
        "host unknown", "protocol version mismatch", "protocol error", "invalid argument",
        "data not yet available", "object unchanged", "more than one object matches key", "key conflict",
        "parse error(s) occurred", "no key specified", "zone TSIG key not known", "invalid TSIG key",
        "operation in progress", "DNS format error", "DNS server failed", "no such domain", "not implemented",
        "refused", "domain already exists", "RRset already exists", "no such RRset", "not authorized",
        "not a zone", "bad DNS signature", "bad DNS key", "clock skew too great", "no root zone",
        "destination address required", "cross-zone update", "no TSIG signature", "not equal",
        "connection reset by peer", "unknown attribute",
    };

    private static final Map<Integer, OmapiStatus> NAMED = new ConcurrentHashMap<>();

    public static final OmapiStatus SUCCESS = named(0, "SUCCESS");
    public static final OmapiStatus TIMED_OUT = named(2, "TIMED_OUT");
    public static final OmapiStatus PERMISSION_DENIED = named(6, "PERMISSION_DENIED");
    public static final OmapiStatus EXISTS = named(18, "EXISTS");
    public static final OmapiStatus SHUTTING_DOWN = named(22, "SHUTTING_DOWN");
    public static final OmapiStatus NOT_FOUND = named(23, "NOT_FOUND");
    public static final OmapiStatus FAILURE = named(25, "FAILURE");
    public static final OmapiStatus NOT_IMPLEMENTED = named(27, "NOT_IMPLEMENTED");
    public static final OmapiStatus UNEXPECTED = named(34, "UNEXPECTED");
    public static final OmapiStatus VERSION_MISMATCH = named(DHCP_CLASS + 1, "VERSION_MISMATCH");
    public static final OmapiStatus PROTOCOL_ERROR = named(DHCP_CLASS + 2, "PROTOCOL_ERROR");
    public static final OmapiStatus INVALID_ARGUMENT = named(DHCP_CLASS + 3, "INVALID_ARGUMENT");
    public static final OmapiStatus MULTIPLE = named(DHCP_CLASS + 6, "MULTIPLE");
    public static final OmapiStatus KEY_CONFLICT = named(DHCP_CLASS + 7, "KEY_CONFLICT");
    public static final OmapiStatus NO_KEYS = named(DHCP_CLASS + 9, "NO_KEYS");
    public static final OmapiStatus KEY_UNKNOWN = named(DHCP_CLASS + 10, "KEY_UNKNOWN");
    public static final OmapiStatus INVALID_KEY = named(DHCP_CLASS + 11, "INVALID_KEY");
    public static final OmapiStatus CONNECTION_RESET = named(DHCP_CLASS + 31, "CONNECTION_RESET");
    public static final OmapiStatus UNKNOWN_ATTRIBUTE = named(DHCP_CLASS + 32, "UNKNOWN_ATTRIBUTE");

    private final int code;
    private final String name;

    private OmapiStatus(int code, String name) {
        this.code = code;
        this.name = name;
    }

    private static OmapiStatus named(int code, String name) {
        OmapiStatus status = new OmapiStatus(code, name);
        NAMED.put(code, status);
        return status;
    }

    /** The status for a wire code; the constant when there is one, otherwise a new unnamed instance. */
    public static OmapiStatus valueOf(int code) {
        OmapiStatus known = NAMED.get(code);
        return known != null ? known : new OmapiStatus(code, null);
    }

    /** The 32-bit result code. */
    public int code() {
        return code;
    }

    /** The constant's name (e.g. {@code NOT_FOUND}), or {@code RESULT_0x...} for an unnamed code. */
    public String name() {
        return name != null ? name : "RESULT_0x" + Integer.toHexString(code);
    }

    /** What omshell prints for this code, e.g. "not found", "no key specified". */
    public String text() {
        if (code >= 0 && code < ISC_TEXTS.length) {
            return ISC_TEXTS[code];
        }
        int dhcp = code - DHCP_CLASS;
        if (dhcp >= 0 && dhcp < DHCP_TEXTS.length) {
            return DHCP_TEXTS[dhcp];
        }
        return UNKNOWN_TEXT;
    }

    public boolean isSuccess() {
        return code == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OmapiStatus other && code == other.code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    /** {@code not found (23)}; DHCP-class codes in hex, {@code no key specified (0x60009)}. */
    @Override
    public String toString() {
        String number = code >= DHCP_CLASS || code < 0 ? "0x" + Integer.toHexString(code) : Integer.toString(code);
        return text() + " (" + number + ")";
    }
}
