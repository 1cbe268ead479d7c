package io.ironlease.pools.input;

import io.ironlease.pools.model.LeaseTable;
import io.ironlease.pools.model.PoolLayout;
import java.nio.file.Path;

/**
 * Reads dhcpd.conf and dhcpd.leases with the project's shared parsers ({@code io.ironlease.shared.config}
 * and {@code io.ironlease.shared.leases}): one parser for the server and the analyzer.
 */
public final class SharedParsersInput implements PoolsInput {

    @Override
    public PoolLayout layout(Path config, boolean allAsShared) throws InputException {
        throw new InputException(config + ": the shared dhcpd.conf parser is not wired in yet");
    }

    @Override
    public LeaseTable leases(Path leases, LeaseOptions options) throws InputException {
        throw new InputException(leases + ": the shared dhcpd.leases reader is not wired in yet");
    }
}
