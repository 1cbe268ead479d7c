package io.ironlease.server.omapi;

import io.ironlease.server.DhcpServer;
import io.ironlease.server.ServerSettings;
import io.ironlease.server.TestServers;
import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.config.model.DhcpConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The server assembly in-process, as ServerMain wires it (DhcpServer in relay mode on 127.0.0.3 with
 * an ephemeral port, then OmapiWiring), but with an injected clock, so the captures' lease times mean
 * what they meant when dhcpd served them. OMAPI listens on 127.0.0.1, ephemeral port.
 */
final class OmapiAssembly implements AutoCloseable {

    final DhcpServer dhcp;
    final OmapiWiring omapi;

    private OmapiAssembly(DhcpServer dhcp, OmapiWiring omapi) {
        this.dhcp = dhcp;
        this.omapi = omapi;
    }

    /** {@code dir} receives dhcpd.leases; {@code shutdown} is what control state 2 runs. */
    static OmapiAssembly start(Path dir, String configText, String leasesText, Instant now, Runnable shutdown)
            throws Exception {
        DhcpConfig config = ConfigLoader.parseStrict("dhcpd.conf", configText);
        Path leases = dir.resolve("dhcpd.leases");
        Files.writeString(leases, leasesText, java.nio.charset.StandardCharsets.ISO_8859_1);
        DhcpServer dhcp = DhcpServer.start(ServerSettings.relay(config, leases, TestServers.SERVER.toInetAddress(), 0)
                .withResolver(TestServers.resolver(Map.of())).withClock(Clock.fixed(now, ZoneOffset.UTC)));
        try {
            OmapiWiring omapi = OmapiWiring.start(config, dhcp, OmapiSettings.of(config,
                    OmapiOptions.of(0, "127.0.0.1", List.of(), false)), null, shutdown).orElseThrow();
            return new OmapiAssembly(dhcp, omapi);
        } catch (Exception | AssertionError e) {
            dhcp.close();
            throw e;
        }
    }

    int port() {
        return omapi.port();
    }

    @Override
    public void close() {
        omapi.close();
        dhcp.close();
    }
}
