package io.ironlease.server.failover.wire;

import java.util.Optional;

/** Message types of draft-ietf-dhc-failover-12 §6.1 with their wire codes and ISC's log names. */
public enum FailoverMessageType {
    POOLREQ(1, "pool-request"),
    POOLRESP(2, "pool-response"),
    BNDUPD(3, "bind-update"),
    BNDACK(4, "bind-ack"),
    CONNECT(5, "connect"),
    CONNECTACK(6, "connect-ack"),
    UPDREQALL(7, "update-request-all"),
    UPDDONE(8, "update-done"),
    UPDREQ(9, "update-request"),
    STATE(10, "state"),
    CONTACT(11, "contact"),
    DISCONNECT(12, "disconnect");

    private final int code;
    private final String iscName;

    FailoverMessageType(int code, String iscName) {
        this.code = code;
        this.iscName = iscName;
    }

    public int code() {
        return code;
    }

    /** The name ISC dhcpd prints for this type in its logs. */
    public String iscName() {
        return iscName;
    }

    /** The type for a wire code, or empty for a code the draft does not define. */
    public static Optional<FailoverMessageType> fromCode(int code) {
        for (FailoverMessageType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
