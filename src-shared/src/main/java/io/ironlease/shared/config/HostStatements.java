package io.ironlease.shared.config;

import io.ironlease.shared.config.ScopeBuilders.HostBuilder;
import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.config.model.HostConfig;

/** Applies a host's own statements (hardware, fixed-address, uid, ...) to the host being built. */
final class HostStatements {

    private HostStatements() {
    }

    static void apply(Statement statement, HostBuilder host) {
        if (statement instanceof Statement.Hardware hardware) {
            host.hardware = hardware.address();
        } else if (statement instanceof Statement.FixedAddress fixed) {
            host.fixedAddresses.addAll(fixed.addresses());
        } else if (statement instanceof Statement.Uid uid) {
            host.uid = uid.value();
        } else if (statement instanceof Statement.HostIdentifier identifier) {
            host.hostIdentifier = new HostConfig.HostIdentifier(identifier.option(), identifier.value());
        } else if (statement instanceof Statement.GroupRef group) {
            host.group = group.name();
        } else if (statement instanceof Statement.HostFlag flag && flag.flag().equals("dynamic")) {
            host.dynamic = true;
        }
    }
}
