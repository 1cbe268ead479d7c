package io.ironlease.server.ops;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The two directories a backup holds and a restore replaces, as Debian's isc-dhcp-server lays them out. */
final class DhcpDirectories {

    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "/etc/dhcp",
            description = "Configuration directory (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--lease-dir", paramLabel = "DIR", defaultValue = "/var/lib/dhcp",
            description = "Directory of the *.leases files (default: ${DEFAULT-VALUE}).")
    Path leases;
}
