package io.ironlease.server.failover.wire;

import java.util.Optional;

/** reject-reason codes of §12.21 with the text ISC prints for them (dhcp_failover_reject_reason_print). */
public enum RejectReason {
    ILLEGAL_IP_ADDRESS(1, "Illegal IP address (not part of any address pool)."),
    FATAL_CONFLICT(2, "Fatal conflict exists: address in use by other client."),
    MISSING_BINDING_INFO(3, "Missing binding information."),
    TIME_MISMATCH(4, "Connection rejected, time mismatch too great."),
    INVALID_MCLT(5, "Connection rejected, invalid MCLT."),
    MISC(6, "Connection rejected, unknown reason."),
    DUPLICATE_CONNECTION(7, "Connection rejected, duplicate connection."),
    INVALID_PARTNER(8, "Connection rejected, invalid failover partner."),
    TLS_UNSUPPORTED(9, "TLS not supported."),
    TLS_UNCONFIGURED(10, "TLS supported but not configured."),
    TLS_REQUIRED(11, "TLS required but not supported by partner."),
    DIGEST_UNSUPPORTED(12, "Message digest not supported."),
    DIGEST_UNCONFIGURED(13, "Message digest not configured."),
    VERSION_MISMATCH(14, "Protocol version mismatch."),
    OUTDATED_BINDING_INFO(15, "Outdated binding information."),
    LESS_CRITICAL_BINDING_INFO(16, "Less critical binding information."),
    NO_TRAFFIC(17, "No traffic within sufficient time."),
    HBA_CONFLICT(18, "Hash bucket assignment conflict."),
    IP_NOT_RESERVED(19, "IP not reserved on this server."),
    IP_DIGEST_FAILURE(20, "Message digest failed to compare."),
    IP_MISSING_DIGEST(21, "Missing message digest."),
    UNKNOWN(254, "Unknown Error.");

    private final int code;
    private final String text;

    RejectReason(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    public static Optional<RejectReason> fromCode(int code) {
        for (RejectReason reason : values()) {
            if (reason.code == code) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    /** ISC's text for any code, including codes the draft does not define. */
    public static String describe(int code) {
        return fromCode(code).map(RejectReason::text)
                .orElse("Undefined-" + code + ": This reason code is not defined in the protocol standard.");
    }
}
