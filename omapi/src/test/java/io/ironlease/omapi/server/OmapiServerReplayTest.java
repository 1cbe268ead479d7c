package io.ironlease.omapi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.auth.HmacSigner;
import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.testing.GoldenVectors.Session;
import io.ironlease.omapi.testing.MemoryHostProvider;
import io.ironlease.omapi.testing.MemoryLeaseProvider;
import io.ironlease.omapi.wire.OmapiCodec;
import io.ironlease.omapi.wire.OmapiFrame;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.Opcode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * omshell's captured byte streams played into our server: every reply equals dhcpd's, byte for
 * byte once the server's own message id is put in (dhcpd starts its ids at random, and the id is
 * signed). Leases are seeded from the captured replies.
 */
class OmapiServerReplayTest {

    private final HmacSigner lab = HmacSigner.forKey(GoldenVectors.labKey());

    private OmapiServer server(boolean withKey) {
        MemoryLeaseProvider leases = new MemoryLeaseProvider(Runnable::run);
        for (OmapiFrame frame : GoldenVectors.load("p05-lease-by-ip").serverMessages()) {
            OmapiMessage reply = frame.message();
            if (reply.op() == Opcode.UPDATE && reply.object().contains("state")) {
                leases.add(MemoryLeaseProvider.fromValues(reply.object()));
            }
        }
        OmapiServer.Builder builder = OmapiServer.builder().port(0).provider(leases)
                .provider(new MemoryHostProvider(Runnable::run)).providerExecutor(Runnable::run);
        if (withKey) {
            builder.key(GoldenVectors.labKey());
        }
        return builder.build();
    }

    /** Our replies with dhcpd's ids put in, re-signed with the lab key: they must equal the capture. */
    private List<byte[]> normalized(byte[] ours, List<OmapiFrame> theirs) {
        List<OmapiFrame> frames = GoldenVectors.split(ours);
        assertThat(frames).hasSameSizeAs(theirs);
        return java.util.stream.IntStream.range(0, frames.size()).mapToObj(i -> {
            OmapiMessage message = frames.get(i).message().withId(theirs.get(i).message().id());
            return message.isSigned()
                    ? OmapiCodec.encodeSigned(message.withAuthentication(0, null), message.authId(), 16, lab::sign)
                    : OmapiCodec.encode(message);
        }).toList();
    }

    private void replay(String name, boolean withKey, boolean closedAfter) {
        Session session = GoldenVectors.load(name);
        EmbeddedServer connection = new EmbeddedServer(server(withKey));
        byte[] out = connection.send(session.clientStream());
        List<OmapiFrame> expected = session.serverMessages();
        List<byte[]> ours = normalized(out, expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(ours.get(i)).as("%s reply %d: %s", name, i, GoldenVectors.split(out).get(i).message())
                    .isEqualTo(expected.get(i).bytes());
        }
        assertThat(connection.channel.isOpen()).isEqualTo(!closedAfter);
    }

    @Test
    void p01AuthenticatorOpenGetsHandleOne() {
        replay("p01-connect-key", true, false);
    }

    @Test
    void p02UnsignedOpenGetsNoKeySpecifiedAndTheConnectionStays() {
        replay("p02-connect-nokey", true, false);
    }

    @Test
    void p03WrongSecretGetsUnsignedInvalidKeyThenClose() {
        replay("p03-connect-wrong-secret", true, true);
    }

    @Test
    void p04UnknownKeyNameGetsNotFound() {
        replay("p04-connect-unknown-keyname", true, false);
    }

    @Test
    void p05LeaseLookupsAndRefreshGetDhcpdsRepliesWithItsHandles() {
        replay("p05-lease-by-ip", true, false);
    }

    @Test
    void p12NonexistentObjectsUnknownTypeAndHandleZero() {
        replay("p12-nonexistent", true, false);
    }

    @Test
    void serverStartupComesFirstWithoutWaiting() {
        EmbeddedServer connection = new EmbeddedServer(server(true));
        assertThat(connection.output()).containsExactly(0, 0, 0, 100, 0, 0, 0, 24);
    }
}
