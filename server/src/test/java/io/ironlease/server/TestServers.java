package io.ironlease.server;

import io.ironlease.server.dhcp.CachedHostResolver;
import io.ironlease.shared.config.ConfigException;
import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.leases.LeaseFileException;
import io.ironlease.shared.net.Ipv4Address;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Servers for in-process tests: relay mode on 127.0.0.3, an ephemeral port, a fake resolver, no pings. */
public final class TestServers {

    public static final Ipv4Address SERVER = Ipv4Address.parse("127.0.0.3");

    /**
     * The loopback relay configuration: relays on 127/8 (RelayTestClient uses giaddr 127.0.0.2,
     * perfdhcp 127.0.0.1) share a network with the 10.20.0.0/16 pool subnet.
     */
    public static String loopbackConfig(String poolRange, String extraGlobal) {
        return """
                authoritative;
                default-lease-time 3600;
                max-lease-time 7200;
                ping-check false;
                %s
                shared-network loopback {
                  subnet 127.0.0.0 netmask 255.0.0.0 {
                  }
                  subnet 10.20.0.0 netmask 255.255.0.0 {
                    option routers 10.20.0.1;
                    option domain-name-servers 10.20.0.2, 10.20.0.3;
                    option domain-name "example.test";
                    pool {
                      range %s;
                    }
                  }
                }
                """.formatted(extraGlobal, poolRange);
    }

    private TestServers() {
    }

    public static DhcpConfig config(String text) throws ConfigException {
        return ConfigLoader.parseStrict("test.conf", text);
    }

    /** A resolver that answers from a map and never touches the network. */
    public static CachedHostResolver resolver(Map<String, List<Ipv4Address>> answers) {
        return new CachedHostResolver(name -> answers.getOrDefault(name, List.of()));
    }

    public static DhcpServer start(String configText, Path leaseFile) throws IOException, ConfigException,
            LeaseFileException {
        return DhcpServer.start(ServerSettings.relay(config(configText), leaseFile, SERVER.toInetAddress(), 0)
                .withResolver(resolver(Map.of())));
    }
}
