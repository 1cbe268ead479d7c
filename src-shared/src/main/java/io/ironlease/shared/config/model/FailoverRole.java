package io.ironlease.shared.config.model;

/** The role a server plays in a failover pair (dhcpd.conf {@code primary;} or {@code secondary;}). */
public enum FailoverRole {
    PRIMARY("primary"),
    SECONDARY("secondary");

    private final String keyword;

    FailoverRole(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
