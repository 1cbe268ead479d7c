package io.ironlease.shared.config.ast;

import java.util.Objects;

/**
 * Who a pool serves: the subject of a pool's {@code allow ...;} or {@code deny ...;} statement.
 *
 * @param kind      which clients
 * @param className for {@link Kind#MEMBERS_OF}, the class name; empty otherwise
 * @param date      for {@link Kind#AFTER}, the date as written; empty otherwise
 */
public record Permit(Kind kind, String className, String date) {

    /** The client sets a permit can name. */
    public enum Kind {
        KNOWN_CLIENTS("known-clients"),
        UNKNOWN_CLIENTS("unknown-clients"),
        ALL_CLIENTS("all clients"),
        DYNAMIC_BOOTP_CLIENTS("dynamic bootp clients"),
        AUTHENTICATED_CLIENTS("authenticated clients"),
        UNAUTHENTICATED_CLIENTS("unauthenticated clients"),
        MEMBERS_OF("members of"),
        AFTER("after");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public Permit {
        Objects.requireNonNull(kind, "kind");
        className = className == null ? "" : className;
        date = date == null ? "" : date;
    }

    public static Permit of(Kind kind) {
        return new Permit(kind, "", "");
    }

    /** As dhcpd.conf writes it after allow/deny, e.g. {@code members of "voip"}. */
    public String toText() {
        return switch (kind) {
            case MEMBERS_OF -> "members of \"" + className + "\"";
            case AFTER -> "after " + date;
            default -> kind.text();
        };
    }
}
