package io.ironlease.server.failover;

/** Which end of the relationship this server is (dhcpd.conf {@code primary;} or {@code secondary;}). */
public enum Role {
    PRIMARY,
    SECONDARY;

    public Role partner() {
        return this == PRIMARY ? SECONDARY : PRIMARY;
    }

    /** The binding status of the free addresses this role may allocate (§5.4): FREE or BACKUP. */
    public BindingStatus ownFreeStatus() {
        return this == PRIMARY ? BindingStatus.FREE : BindingStatus.BACKUP;
    }
}
