package io.ironlease.server.omapi;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The OMAPI flags of {@code ironlease-server} (a picocli mixin, so ServerMain only names it). dhcpd
 * has none of them: it listens on {@code omapi-port} on every address, with or without a key.
 */
public final class OmapiOptions {

    @Option(names = "--omapi-port", paramLabel = "PORT",
            description = "OMAPI port; overrides omapi-port of dhcpd.conf, 0 picks a free one. Without either, no "
                    + "OMAPI listener (as dhcpd)")
    Integer port;

    @Option(names = "--omapi-listen", paramLabel = "ADDRESS",
            description = "OMAPI listen address. Default: every address when a key is configured (as dhcpd), "
                    + "127.0.0.1 when none is (dhcpd would serve every address without authentication)")
    String listen;

    @Option(names = "--omapi-key", paramLabel = "NAME",
            description = "also accept this key stanza of dhcpd.conf (hmac-md5, hmac-sha256 or hmac-sha512); repeatable")
    List<String> keys = new ArrayList<>();

    @Option(names = "--omapi-all-keys",
            description = "accept every usable key stanza of dhcpd.conf, not only the one omapi-key names")
    boolean allKeys;

    @Option(names = "--no-omapi", description = "do not start the OMAPI listener even when omapi-port is set")
    boolean disabled;

    /** Options as given on the command line (tests build them with {@link #of}). */
    public OmapiOptions() {
    }

    /** Options for in-process servers: a port override (null: dhcpd.conf's), a listen address (null: the policy's). */
    public static OmapiOptions of(Integer port, String listen, List<String> keys, boolean allKeys) {
        OmapiOptions options = new OmapiOptions();
        options.port = port;
        options.listen = listen;
        options.keys = new ArrayList<>(keys);
        options.allKeys = allKeys;
        return options;
    }
}
