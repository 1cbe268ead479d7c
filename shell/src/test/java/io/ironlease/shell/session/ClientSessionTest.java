package io.ironlease.shell.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.server.OmapiServer;
import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.testing.MemoryLeaseProvider;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shell.ShellMain;
import io.ironlease.shell.lang.Interpreter;
import io.ironlease.shell.lang.ScriptRunner;
import io.ironlease.shell.lang.Services;
import io.ironlease.shell.lang.StreamOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The shell's session against our server: HMAC-SHA256 keys, algorithms it cannot sign with, refused connections. */
class ClientSessionTest {

    private static final OmapiKey SHA = OmapiKey.fromBase64("ops_key", KeyAlgorithm.HMAC_SHA256, "c2hhLTI1Ni10ZXN0LW9ubHk=");
    private static OmapiServer server;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        MemoryLeaseProvider leases = new MemoryLeaseProvider(null);
        leases.add(new MemoryLeaseProvider.Lease(2, Ipv4Address.parse("10.0.0.5"), null, "sha-client", null, 0, 0, 0, 0));
        server = OmapiServer.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).key(GoldenVectors.labKey())
                .key(SHA).provider(leases).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String[] run(String script) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StreamOutput output = new StreamOutput(out, err);
        Interpreter interpreter = new Interpreter(new ClientSession(Duration.ofSeconds(5), Duration.ofSeconds(5)), output,
                Services.none());
        ScriptRunner.run(new ByteArrayInputStream(script.getBytes(StandardCharsets.ISO_8859_1)), interpreter, output);
        interpreter.shutdown();
        return new String[] {out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1)};
    }

    @Test
    void keyAlgorithmHmacSha256() throws Exception {
        String[] printed = run("key ops_key " + SHA.secretBase64() + "\nkey-algorithm hmac-sha256\nport " + server.port()
                + "\nconnect\nnew lease\nset ip-address = 10.0.0.5\nopen\n");
        assertThat(printed[1]).isEmpty();
        String masked = printed[0].replaceAll("(subnet|pool) = 00:00:00:0\\d", "$1 = (handle)");
        assertThat(masked).endsWith("obj: lease\nip-address = 0a:00:00:05\nstate = 00:00:00:02\n"
                + "client-hostname = \"sha-client\"\nsubnet = (handle)\npool = (handle)\nends = 00:00:00:00\n"
                + "starts = 00:00:00:00\ntstp = 00:00:00:00\ntsfp = 00:00:00:00\natsfp = 00:00:00:00\n"
                + "cltt = 00:00:00:00\nflags = 00\n> ");
    }

    @Test
    void theSameKeyAsHmacMd5IsRefused() throws Exception {
        String[] printed = run("key ops_key " + SHA.secretBase64() + "\nport " + server.port() + "\nconnect\n");
        assertThat(printed[1]).isEqualTo("dhcpctl_connect: not found\n");
    }

    @Test
    void anAlgorithmWeCannotComputeIsPresentedAndRefused() throws Exception {
        String[] printed = run("key ops_key " + SHA.secretBase64() + "\nkey-algorithm hmac-sha1\nport " + server.port()
                + "\nconnect\nnew lease\n");
        assertThat(printed[1]).isEqualTo("dhcpctl_connect: not found\n");
        assertThat(printed[0]).endsWith("> not connected.\n> ");
    }

    @Test
    void nobodyListeningIsNoMore() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(run("port " + closed + "\nconnect\n")[1]).isEqualTo("dhcpctl_connect: no more\n");
        assertThat(run("port 0\nconnect\n")[1]).isEqualTo("dhcpctl_connect: no more\n");
    }

    @Test
    void oneShotWithAnSha256KeyFile() throws Exception {
        Path file = dir.resolve("sha.key");
        Files.writeString(file, "key ops_key {\n  algorithm hmac-sha256;\n  secret \"" + SHA.secretBase64() + "\";\n};\n");
        CommandLine commandLine = ShellMain.commandLine();
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(new StringWriter()));
        int code = commandLine.execute("lease", "--ip", "10.0.0.5", "--port", Integer.toString(server.port()),
                "--key-file", file.toString(), "--json");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"client-hostname\": \"sha-client\"");
    }
}
