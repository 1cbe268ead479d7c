package io.ironlease.pools.input;

import io.ironlease.pools.model.LeaseTable;
import io.ironlease.pools.model.PoolLayout;
import java.nio.file.Path;

/**
 * Where the analyzer's input comes from: the ranges and shared networks of a dhcpd.conf (includes
 * followed) and the final lease states of a dhcpd.leases. The production implementation reads both
 * with the project's shared parsers, the same the server uses.
 */
public interface PoolsInput {

    /**
     * The shared networks and ranges. With {@code allAsShared} ({@code -A}) every subnet outside a
     * shared network becomes a shared network named by its CIDR.
     */
    PoolLayout layout(Path config, boolean allAsShared) throws InputException;

    /** Reads every lease record, later ones overriding earlier ones. */
    LeaseTable leases(Path leases, LeaseOptions options) throws InputException;
}
