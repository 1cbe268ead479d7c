package io.ironlease.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The README's serving demo: {@code scripts/ironlease-demo serve} starts the server and a client gets a lease. */
@Tag("interop")
class DemoServeInteropIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void demoServesALeaseOnLoopback() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.3", 0))) {
            port = probe.getLocalPort();
        }
        Path log = Files.createTempFile("ironlease-demo-serve", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("scripts/ironlease-demo").toString(), "serve")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("DEMO_PORT", Integer.toString(port));
            Process process = builder.start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(log);
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("DHCP_LISTENING 127.0.0.3 port " + port).contains("lease 192.168.100.33 {")
                    .contains("binding state active;");
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
