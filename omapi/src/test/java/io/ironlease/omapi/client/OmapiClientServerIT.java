package io.ironlease.omapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ironlease.omapi.server.OmapiServer;
import io.ironlease.omapi.server.ServerLimits;
import io.ironlease.omapi.testing.Frames;
import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.testing.LogCapture;
import io.ironlease.omapi.testing.MemoryHostProvider;
import io.ironlease.omapi.testing.MemoryLeaseProvider;
import io.ironlease.omapi.wire.OmapiCodec;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.omapi.wire.Opcode;
import io.ironlease.omapi.wire.StartupMessage;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our client against our server over loopback, with in-test lease and host types. */
class OmapiClientServerIT {

    private static final OmapiKey LAB = GoldenVectors.labKey();
    private static final OmapiKey OPS = new OmapiKey("ops", KeyAlgorithm.HMAC_SHA512, "ops-secret".getBytes());
    private static final int LEASES = 300;
    private static OmapiServer server;
    private static final LogCapture LOG = new LogCapture(OmapiServer.class);

    @BeforeAll
    static void start() throws Exception {
        MemoryLeaseProvider leases = new MemoryLeaseProvider(null);
        for (int i = 0; i < LEASES; i++) {
            leases.add(new MemoryLeaseProvider.Lease(2, address(i), null, "client-" + i,
                    HardwareAddress.ethernet(new byte[] {0x52, 0x54, 0, 0, (byte) (i >> 8), (byte) i}), 2000, 1000, 0, 1000));
        }
        server = OmapiServer.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).key(LAB).key(OPS)
                .provider(leases).provider(new MemoryHostProvider(null))
                .limits(new ServerLimits(4096, 1024, Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofHours(1)))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
        LOG.close();
    }

    private static Ipv4Address address(int i) {
        return Ipv4Address.parse("10.1." + (i / 250) + "." + (i % 250 + 1));
    }

    private static OmapiValues ip(int i) {
        return OmapiValues.builder().putIpv4("ip-address", address(i)).build();
    }

    private static OmapiClient client(OmapiKey key) throws OmapiException {
        OmapiClient.Builder builder = OmapiClient.builder().requestTimeout(Duration.ofSeconds(20));
        return (key == null ? builder : builder.key(key)).connect("127.0.0.1", server.port());
    }

    @Test
    void openCreateUpdateRefreshDelete() throws Exception {
        try (OmapiClient client = client(LAB)) {
            OmapiObject lease = client.open("lease", ip(7));
            assertThat(lease.values().string("client-hostname")).contains("client-7");
            assertThat(client.open("lease", OmapiValues.builder().putHardwareAddress(
                    HardwareAddress.ethernet(new byte[] {0x52, 0x54, 0, 0, 0, 7})).build()).handle()).isEqualTo(lease.handle());

            OmapiObject host = client.create("host", OmapiValues.builder().putString("name", "it-host")
                    .putIpv4("ip-address", Ipv4Address.parse("10.9.0.1")).build());
            client.update(host.handle(), OmapiValues.builder().putIpv4("ip-address", Ipv4Address.parse("10.9.0.2")).build());
            assertThat(client.refresh(host.handle()).values().ipv4("ip-address")).contains(Ipv4Address.parse("10.9.0.2"));
            assertThatThrownBy(() -> client.open("host", OmapiValues.builder().putString("name", "it-host").build(),
                    EnumSet.of(OpenFlag.CREATE, OpenFlag.EXCLUSIVE)))
                    .isInstanceOfSatisfying(OmapiException.class, e -> assertThat(e.status()).isEqualTo(OmapiStatus.EXISTS));
            client.delete(host.handle());
            assertThatThrownBy(() -> client.refresh(host.handle()))
                    .isInstanceOfSatisfying(OmapiException.class, e -> {
                        assertThat(e.status()).isEqualTo(OmapiStatus.NOT_FOUND);
                        assertThat(e.serverMessage()).contains("no matching handle");
                    });
        }
    }

    @Test
    void twoHundredFiftySixInFlightOnOneConnection() throws Exception {
        try (OmapiClient client = client(OPS)) {
            for (int round = 0; round < 8; round++) {
                List<CompletableFuture<OmapiObject>> inFlight = new ArrayList<>();
                for (int i = 0; i < 256; i++) {
                    inFlight.add(client.openAsync("lease", ip(i), EnumSet.noneOf(OpenFlag.class)));
                }
                for (int i = 0; i < 256; i++) {
                    OmapiObject lease = inFlight.get(i).get(30, TimeUnit.SECONDS);
                    assertThat(lease.values().ipv4("ip-address")).contains(address(i));
                }
            }
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void sixtyFourConnectionsAtOnce() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        List<OmapiClient> clients = new ArrayList<>();
        try {
            for (int c = 0; c < 64; c++) {
                clients.add(OmapiClient.builder().key(c % 2 == 0 ? LAB : OPS).eventLoopGroup(group)
                        .requestTimeout(Duration.ofSeconds(30)).connect("127.0.0.1", server.port()));
            }
            List<CompletableFuture<OmapiObject>> all = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (int c = 0; c < 64; c++) {
                    all.add(clients.get(c).openAsync("lease", ip((c * 20 + round) % LEASES), EnumSet.noneOf(OpenFlag.class)));
                }
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(all).allMatch(f -> f.join().handle() > 0);
        } finally {
            clients.forEach(OmapiClient::close);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void wrongSecretGetsInvalidKeyThenTheConnectionCloses() throws Exception {
        OmapiKey wrong = new OmapiKey(LAB.name(), KeyAlgorithm.HMAC_MD5, "wrong".getBytes());
        try (OmapiClient client = client(wrong)) {
            assertThatThrownBy(() -> client.open("lease", ip(1)))
                    .isInstanceOfSatisfying(OmapiException.class, e -> assertThat(e.status()).isEqualTo(OmapiStatus.INVALID_KEY));
            await().atMost(Duration.ofSeconds(10)).until(() -> !client.isConnected());
            assertThatThrownBy(() -> client.open("lease", ip(1))).isInstanceOf(OmapiConnectionClosedException.class);
        }
    }

    @Test
    void noKeyGetsNoKeySpecifiedAndStaysConnected() throws Exception {
        try (OmapiClient client = client(null)) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> client.open("lease", ip(1)))
                        .isInstanceOfSatisfying(OmapiException.class, e -> {
                            assertThat(e.status()).isEqualTo(OmapiStatus.NO_KEYS);
                            assertThat(e.getMessage()).isEqualTo("no key specified (No authenticator on message)");
                        });
            }
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void unknownKeyNameFailsTheConnect() {
        OmapiKey stranger = new OmapiKey("stranger", KeyAlgorithm.HMAC_MD5, "x".getBytes());
        assertThatThrownBy(() -> client(stranger))
                .isInstanceOfSatisfying(OmapiException.class, e -> assertThat(e.status()).isEqualTo(OmapiStatus.NOT_FOUND));
    }

    @Test
    void corruptedSignatureOnTheWireGetsUnsignedInvalidKeyAndEof() throws Exception {
        try (Socket socket = rawConnection()) {
            OutputStream out = socket.getOutputStream();
            out.write(OmapiCodec.encode(io.ironlease.omapi.auth.Authenticator.openRequest(LAB).withId(1)));
            InputStream in = socket.getInputStream();
            OmapiMessage auth = Frames.read(in);
            assertThat(auth.handle()).isEqualTo(1);
            io.ironlease.omapi.auth.HmacSigner signer = io.ironlease.omapi.auth.HmacSigner.forKey(LAB);
            byte[] request = OmapiCodec.encodeSigned(OmapiMessage.of(Opcode.OPEN, 0,
                    OmapiValues.builder().putString("type", "lease").build(), ip(3)).withId(2), 1, 16, signer::sign);
            request[34] ^= 1; // 'l' of "lease": framing intact, signature wrong
            out.write(request);
            OmapiMessage status = Frames.read(in);
            assertThat(status.isSigned()).isFalse();
            assertThat(status.message().int32("result")).hasValue(OmapiStatus.INVALID_KEY.code());
            assertThat(in.read()).isEqualTo(-1);
        }
        assertStillServing();
    }

    @Test
    void oversizeGarbageAndSilentClientsAreDroppedAndOthersServed() throws Exception {
        try (Socket oversize = rawConnection(); Socket garbage = rawConnection(false); Socket silent = rawConnection(false)) {
            oversize.getOutputStream().write(ByteBuffer.allocate(34).putInt(0).putInt(0).putInt(1).putInt(0).putInt(9)
                    .putInt(0).putShort((short) 4).put("type".getBytes()).putInt(1 << 30).array());
            garbage.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes());
            assertThat(oversize.getInputStream().read()).isEqualTo(-1);
            assertThat(garbage.getInputStream().read()).isEqualTo(-1);
            assertThat(silent.getInputStream().read()).isEqualTo(-1);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(LOG.lines())
                .anyMatch(l -> l.startsWith("OMAPI_DROP") && l.contains("longer than the limit"))
                .anyMatch(l -> l.startsWith("OMAPI_DROP") && l.contains("bad start-up message"))
                .anyMatch(l -> l.startsWith("OMAPI_DROP") && l.contains("no start-up message")));
        assertStillServing();
    }

    private static void assertStillServing() throws OmapiException {
        try (OmapiClient client = client(LAB)) {
            assertThat(client.open("lease", ip(5)).values().ipv4("ip-address")).contains(address(5));
        }
    }

    private static Socket rawConnection() throws Exception {
        return rawConnection(true);
    }

    /** A plain socket that has read the server's start-up and sent ours (unless told otherwise). */
    private static Socket rawConnection(boolean sendStartup) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        assertThat(socket.getInputStream().readNBytes(8)).containsExactly(OmapiCodec.encodeStartup(StartupMessage.ISC));
        if (sendStartup) {
            socket.getOutputStream().write(OmapiCodec.encodeStartup(StartupMessage.ISC));
        }
        return socket;
    }
}
