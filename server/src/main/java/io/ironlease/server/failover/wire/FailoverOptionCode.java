package io.ironlease.server.failover.wire;

import java.util.Optional;

/**
 * Every option of draft-ietf-dhc-failover-12 §12 with its code, the name ISC gives it and its
 * encoding. ISC 4.4 sends or accepts all of them (server/stables.c); codes outside this table are
 * kept raw.
 */
public enum FailoverOptionCode {
    ADDRESSES_TRANSFERRED(1, "addresses-transferred", Kind.UINT32),
    ASSIGNED_IP_ADDRESS(2, "assigned-IP-address", Kind.IPV4),
    BINDING_STATUS(3, "binding-status", Kind.UINT8),
    CLIENT_IDENTIFIER(4, "client-identifier", Kind.BYTES),
    CLIENT_HARDWARE_ADDRESS(5, "client-hardware-address", Kind.BYTES),
    CLIENT_LAST_TRANSACTION_TIME(6, "client-last-transaction-time", Kind.UINT32),
    CLIENT_REPLY_OPTIONS(7, "client-reply-options", Kind.BYTES),
    CLIENT_REQUEST_OPTIONS(8, "client-request-options", Kind.BYTES),
    DDNS(9, "DDNS", Kind.BYTES),
    DELAYED_SERVICE(10, "delayed-service", Kind.UINT8),
    HASH_BUCKET_ASSIGNMENT(11, "hash-bucket-assignment", Kind.BYTES),
    IP_FLAGS(12, "IP-flags", Kind.UINT16),
    LEASE_EXPIRATION_TIME(13, "lease-expiration-time", Kind.UINT32),
    MAX_UNACKED_BNDUPD(14, "max-unacked-bndupd", Kind.UINT32),
    MCLT(15, "MCLT", Kind.UINT32),
    MESSAGE(16, "message", Kind.TEXT),
    MESSAGE_DIGEST(17, "message-digest", Kind.BYTES),
    POTENTIAL_EXPIRATION_TIME(18, "potential-expiration-time", Kind.UINT32),
    RECEIVE_TIMER(19, "receive-timer", Kind.UINT32),
    PROTOCOL_VERSION(20, "protocol-version", Kind.UINT8),
    REJECT_REASON(21, "reject-reason", Kind.UINT8),
    RELATIONSHIP_NAME(22, "relationship-name", Kind.TEXT),
    SERVER_FLAGS(23, "server-flags", Kind.UINT8),
    SERVER_STATE(24, "server-state", Kind.UINT8),
    START_TIME_OF_STATE(25, "start-time-of-state", Kind.UINT32),
    TLS_REPLY(26, "TLS-reply", Kind.UINT8),
    TLS_REQUEST(27, "TLS-request", Kind.UINT8),
    VENDOR_CLASS(28, "vendor-class-identifier", Kind.TEXT),
    VENDOR_OPTIONS(29, "vendor-specific-options", Kind.BYTES);

    /** How an option's data is encoded (all integers big-endian, §6.2). */
    public enum Kind {
        UINT8(1), UINT16(2), UINT32(4), IPV4(4), BYTES(-1), TEXT(-1);

        private final int fixedLength;

        Kind(int fixedLength) {
            this.fixedLength = fixedLength;
        }

        /** The required data length, or -1 for variable-length data. */
        public int fixedLength() {
            return fixedLength;
        }
    }

    private final int code;
    private final String draftName;
    private final Kind kind;

    FailoverOptionCode(int code, String draftName, Kind kind) {
        this.code = code;
        this.draftName = draftName;
        this.kind = kind;
    }

    public int code() {
        return code;
    }

    public String draftName() {
        return draftName;
    }

    public Kind kind() {
        return kind;
    }

    /** The option for a wire code, or empty for a code the draft does not define. */
    public static Optional<FailoverOptionCode> fromCode(int code) {
        FailoverOptionCode[] all = values();
        return code >= 1 && code <= all.length ? Optional.of(all[code - 1]) : Optional.empty();
    }
}
