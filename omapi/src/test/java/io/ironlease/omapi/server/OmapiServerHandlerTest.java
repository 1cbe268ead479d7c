package io.ironlease.omapi.server;

import static io.ironlease.omapi.server.Wire.concat;
import static io.ironlease.omapi.server.Wire.open;
import static io.ironlease.omapi.server.Wire.replies;
import static io.ironlease.omapi.server.Wire.result;
import static io.ironlease.omapi.server.Wire.startup;
import static io.ironlease.omapi.server.Wire.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.testing.LogCapture;
import io.ironlease.omapi.testing.MemoryHostProvider;
import io.ironlease.omapi.testing.MemoryLeaseProvider;
import io.ironlease.omapi.wire.OmapiCodec;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.omapi.wire.Opcode;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection handler through an EmbeddedChannel: authentication, bounds, ordering, timeouts. */
class OmapiServerHandlerTest {

    private static final OmapiKey LAB = GoldenVectors.labKey();
    private static final OmapiKey SHA = new OmapiKey("ops_key", KeyAlgorithm.HMAC_SHA256, new byte[] {9, 8, 7, 6, 5});
    private static final ServerLimits LIMITS = new ServerLimits(1024, 4, Duration.ofSeconds(5), Duration.ofSeconds(7),
            Duration.ofSeconds(60));

    private final LogCapture log = new LogCapture(OmapiServer.class);
    private final ArrayDeque<Runnable> slowQueue = new ArrayDeque<>();
    private final MemoryLeaseProvider leases = new MemoryLeaseProvider(Runnable::run).add(
            new MemoryLeaseProvider.Lease(2, Ipv4Address.parse("192.168.100.100"), null, "a", null, 10, 5, 0, 5));
    private final MemoryHostProvider hosts = new MemoryHostProvider(slowQueue::add);

    @AfterEach
    void stopCapture() {
        log.close();
    }

    private EmbeddedServer connect() {
        OmapiServer server = OmapiServer.builder().port(0).key(LAB).key(SHA).limits(LIMITS).provider(leases)
                .provider(hosts).providerExecutor(Runnable::run).build();
        EmbeddedServer connection = new EmbeddedServer(server);
        connection.channel.freezeTime();
        assertThat(connection.output()).hasSize(8);
        return connection;
    }

    private static OmapiValues ip(String address) {
        return OmapiValues.builder().putIpv4("ip-address", Ipv4Address.parse(address)).build();
    }

    private static OmapiValues host(String name) {
        return OmapiValues.builder().putString("name", name).build();
    }

    @Test
    void severalNamedKeysEachGetTheirHandleAndSignTheirReplies() {
        EmbeddedServer connection = connect();
        Wire wire = new Wire();
        List<OmapiMessage> auth = replies(connection.send(concat(startup(), wire.authenticator(SHA))));
        assertThat(auth.get(0).op()).isEqualTo(Opcode.UPDATE);
        assertThat(auth.get(0).handle()).isEqualTo(2);
        assertThat(auth.get(0).object().string("algorithm")).contains("hmac-sha256.SIG-ALG.REG.INT.");
        wire.signWith(SHA, 2);
        OmapiMessage lease = replies(connection.send(wire.request(open("lease", ip("192.168.100.100"))))).get(0);
        assertThat(lease.op()).isEqualTo(Opcode.UPDATE);
        assertThat(lease.authId()).isEqualTo(2);
        assertThat(lease.authLength()).isEqualTo(32);
    }

    @Test
    void unknownAuthidGetsKeyUnknownThenClose() {
        EmbeddedServer connection = connect();
        Wire wire = new Wire().signWith(LAB, 7);
        OmapiMessage reply = replies(connection.send(concat(startup(), wire.request(open("lease", ip("192.168.100.100"))))))
                .get(0);
        assertThat(result(reply)).isEqualTo(OmapiStatus.KEY_UNKNOWN);
        assertThat(reply.isSigned()).isFalse();
        assertThat(connection.channel.isOpen()).isFalse();
        assertThat(log.contains("OMAPI_AUTH_FAIL")).isTrue();
    }

    @Test
    void authidWithoutSignatureIsRefusedUnlikeDhcpd() {
        EmbeddedServer connection = connect();
        Wire wire = new Wire();
        connection.send(concat(startup(), wire.authenticator(LAB)));
        OmapiMessage forged = open("lease", ip("192.168.100.100")).withAuthentication(1, new byte[0]).withId(5);
        OmapiMessage reply = replies(connection.send(OmapiCodec.encode(forged))).get(0);
        assertThat(result(reply)).isEqualTo(OmapiStatus.INVALID_KEY);
        assertThat(connection.channel.isOpen()).isFalse();
    }

    @Test
    void corruptedSignatureGetsInvalidKeyThenClose() {
        EmbeddedServer connection = connect();
        Wire wire = new Wire();
        connection.send(concat(startup(), wire.authenticator(LAB)));
        byte[] request = wire.signWith(LAB, 1).request(open("lease", ip("192.168.100.100")));
        request[request.length - 1] ^= 0x40;
        OmapiMessage reply = replies(connection.send(request)).get(0);
        assertThat(result(reply)).isEqualTo(OmapiStatus.INVALID_KEY);
        assertThat(text(reply)).isNull();
        assertThat(connection.channel.isOpen()).isFalse();
    }

    @Test
    void garbageStartupIsDropped() {
        EmbeddedServer connection = connect();
        connection.send("GET / HTTP/1.0\r\n\r\n".getBytes());
        assertThat(connection.channel.isOpen()).isFalse();
        assertThat(log.lines()).anyMatch(l -> l.startsWith("OMAPI_DROP") && l.contains("bad start-up message"));
    }

    @Test
    void oversizeLengthIsDroppedBeforeTheDataArrives() {
        EmbeddedServer connection = connect();
        byte[] header = ByteBuffer.allocate(24 + 2 + 4 + 4).putInt(0).putInt(0).putInt(1).putInt(0).putInt(1).putInt(0)
                .putShort((short) 4).put("type".getBytes()).putInt(10_000_000).array();
        connection.send(concat(startup(), header));
        assertThat(connection.channel.isOpen()).isFalse();
        assertThat(log.lines()).anyMatch(l -> l.startsWith("OMAPI_DROP") && l.contains("longer than the limit of 1024"));
    }

    @Test
    void silentClientIsDroppedAfterTheStartupTimeout() {
        EmbeddedServer connection = connect();
        connection.channel.advanceTimeBy(4, TimeUnit.SECONDS);
        connection.channel.runScheduledPendingTasks();
        assertThat(connection.channel.isOpen()).isTrue();
        connection.channel.advanceTimeBy(2, TimeUnit.SECONDS);
        connection.channel.runScheduledPendingTasks();
        assertThat(connection.channel.isOpen()).isFalse();
        assertThat(log.lines()).anyMatch(l -> l.startsWith("OMAPI_DROP") && l.contains("no start-up message"));
    }

    @Test
    void slowClientIsDroppedWhenAMessageStaysIncomplete() {
        EmbeddedServer connection = connect();
        byte[] request = new Wire().unsigned(open("lease", ip("192.168.100.100")));
        connection.send(concat(startup(), java.util.Arrays.copyOf(request, 30)));
        connection.channel.advanceTimeBy(8, TimeUnit.SECONDS);
        connection.channel.runScheduledPendingTasks();
        assertThat(connection.channel.isOpen()).isFalse();
        assertThat(log.lines()).anyMatch(l -> l.startsWith("OMAPI_DROP") && l.contains("message incomplete"));
    }

    @Test
    void unknownOpcodeAndClientStatusCloseTheConnectionAsInDhcpd() {
        EmbeddedServer first = connect();
        byte[] bad = new Wire().unsigned(open("lease", OmapiValues.EMPTY));
        bad[11] = 9;
        first.send(concat(startup(), bad));
        assertThat(first.channel.isOpen()).isFalse();
        assertThat(log.lines()).anyMatch(l -> l.contains("protocol error: unknown opcode 9 at byte 8"));

        EmbeddedServer second = connect();
        second.send(concat(startup(), new Wire().unsigned(Wire.onHandle(Opcode.STATUS, 0, OmapiValues.EMPTY))));
        assertThat(second.channel.isOpen()).isFalse();
    }

    @Test
    void repliesKeepRequestOrderWhenAnEarlierProviderIsSlower() {
        EmbeddedServer connection = connect();
        Wire wire = new Wire();
        connection.send(concat(startup(), wire.authenticator(LAB)));
        wire.signWith(LAB, 1);
        byte[] out = connection.send(concat(
                wire.request(open("host", host("h1"), "create", "exclusive")),
                wire.request(open("lease", ip("192.168.100.100"))),
                wire.request(Wire.onHandle(Opcode.NOTIFY, 0, OmapiValues.EMPTY))));
        assertThat(out).isEmpty();
        slowQueue.poll().run();
        List<OmapiMessage> ordered = replies(connection.output());
        assertThat(ordered).extracting(OmapiMessage::rid).containsExactly(101, 102, 103);
        assertThat(ordered.get(0).object().string("name")).contains("h1");
        assertThat(ordered.get(1).object().int32("state")).hasValue(2);
        assertThat(text(ordered.get(2))).isEqualTo("notify not implemented yet");
    }

    @Test
    void readingStopsAtTheInFlightLimitAndResumes() {
        EmbeddedServer connection = connect();
        Wire wire = new Wire();
        connection.send(concat(startup(), wire.authenticator(LAB)));
        wire.signWith(LAB, 1);
        for (int i = 0; i < 4; i++) {
            connection.send(wire.request(open("host", host("h" + i), "create")));
        }
        assertThat(connection.channel.config().isAutoRead()).isFalse();
        while (!slowQueue.isEmpty()) {
            slowQueue.poll().run();
        }
        assertThat(replies(connection.output())).hasSize(4);
        assertThat(connection.channel.config().isAutoRead()).isTrue();
    }
}
