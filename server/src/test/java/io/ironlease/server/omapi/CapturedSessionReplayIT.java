package io.ironlease.server.omapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.auth.HmacSigner;
import io.ironlease.omapi.testing.Frames;
import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.wire.OmapiCodec;
import io.ironlease.omapi.wire.OmapiFrame;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.omapi.wire.Opcode;
import io.ironlease.omapi.wire.StartupMessage;
import io.ironlease.shared.net.Ipv4Address;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * omshell's captured byte streams (the 21 sessions, in the capture's order, against one server built
 * from the capture's dhcpd.conf and lease file with the clock at the capture's time) sent to our server
 * assembly: every reply equals dhcpd's byte for byte, handles, remote-handle and message strings
 * included, once the server's own message id is put in (dhcpd starts its ids at random, and the id is
 * signed). The differences on purpose are applied to dhcpd's reply before comparing, each named.
 */
class CapturedSessionReplayIT {

    private final HmacSigner lab = HmacSigner.forKey(GoldenVectors.labKey());

    @TempDir
    Path dir;

    /** One request's expected reply after our deliberate differences; null: dhcpd sent none. */
    private interface Adjust {
        OmapiMessage expected(String session, int request, OmapiMessage dhcpd);
    }

    private byte[] normalized(OmapiMessage ours, OmapiMessage theirs) {
        OmapiMessage message = ours.withId(theirs.id());
        return message.isSigned()
                ? OmapiCodec.encodeSigned(message.withAuthentication(0, null), message.authId(), 16, lab::sign)
                : OmapiCodec.encode(message);
    }

    private byte[] encoded(OmapiMessage theirs) {
        return theirs.isSigned()
                ? OmapiCodec.encodeSigned(theirs.withAuthentication(0, null), theirs.authId(), 16, lab::sign)
                : OmapiCodec.encode(theirs);
    }

    private void replay(int port, String session, Adjust adjust) throws Exception {
        GoldenVectors.Session captured = GoldenVectors.load(session);
        List<OmapiFrame> requests = captured.clientMessages();
        List<OmapiFrame> replies = captured.serverMessages();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            out.write(OmapiCodec.encodeStartup(StartupMessage.ISC));
            assertThat(in.readNBytes(StartupMessage.LENGTH)).isEqualTo(OmapiCodec.encodeStartup(StartupMessage.ISC));
            for (int i = 0; i < requests.size(); i++) {
                out.write(requests.get(i).bytes());
                OmapiMessage dhcpd = i < replies.size() ? replies.get(i).message() : null;
                OmapiMessage expected = adjust.expected(session, i, dhcpd);
                OmapiMessage ours = Frames.read(in);
                assertThat(normalized(ours, expected)).as("%s reply %d: ours %s, dhcpd's %s", session, i, ours, expected)
                        .isEqualTo(encoded(expected));
            }
        }
    }

    private static OmapiMessage status(OmapiMessage like, int result, String text) {
        OmapiValues.Builder values = OmapiValues.builder().putInt32("result", result);
        if (text != null) {
            values.putString("message", text);
        }
        return new OmapiMessage(like.authId(), Opcode.STATUS, 0, like.id(), like.rid(), values.build(),
                OmapiValues.EMPTY, like.signature());
    }

    @Test
    void thePlainSessionsGetDhcpdsBytes() throws Exception {
        AtomicInteger shutdowns = new AtomicInteger();
        String config = OmapiFixture.text("/omapi/conf/dhcpd-plain.conf");
        try (OmapiAssembly server = OmapiAssembly.start(dir, config, OmapiFixture.text(
                "/omapi/conf/dhcpd-plain-before.leases"), OmapiFixture.PLAIN_CAPTURE, shutdowns::incrementAndGet)) {
            Adjust asDhcpd = (session, request, dhcpd) -> dhcpd;
            for (String session : List.of("p01-connect-key", "p02-connect-nokey", "p03-connect-wrong-secret",
                    "p04-connect-unknown-keyname", "p05-lease-by-ip", "p06-lease-by-hw-and-uid", "p07-host-create",
                    "p08-host-update", "p09-host-remove", "p10-host-lookups", "p11-failover-state-unconfigured",
                    "p12-nonexistent", "p13-bad-attributes", "p14-group")) {
                replay(server.port(), session, asDhcpd);
            }
            // p15 request 3 re-opens 192.168.100.102 after the client-hostname UPDATE, which we apply
            replay(server.port(), "p15-lease-update", (session, request, dhcpd) -> request != 3 ? dhcpd
                    : withObject(dhcpd, dhcpd.object().toBuilder().putString("client-hostname", "renamed-03").build()));
            replay(server.port(), "p16-control-open", asDhcpd);
            // p99: dhcpd stops without a reply to the control UPDATE; we answer result 0 first
            replay(server.port(), "p99-control-shutdown", (session, request, dhcpd) -> dhcpd != null ? dhcpd
                    : status(GoldenVectors.load("p16-control-open").serverMessages().get(1).message()
                            .withRid(GoldenVectors.load(session).clientMessages().get(request).message().id()), 0, null));
        }
        assertThat(shutdowns.get()).isEqualTo(1);
    }

    private static OmapiMessage withObject(OmapiMessage message, OmapiValues object) {
        return new OmapiMessage(message.authId(), message.op(), message.handle(), message.id(), message.rid(),
                message.message(), object, message.signature());
    }

    @Test
    void theFailoverSessionsGetDhcpdsBytesWithTheConfiguredAddresses() throws Exception {
        String config = OmapiFixture.text("/omapi/conf/dhcpd-failover.conf");
        UnaryOperator<OmapiMessage> realAddresses = dhcpd -> dhcpd == null || !dhcpd.object().contains("partner-address")
                ? dhcpd : withObject(dhcpd, dhcpd.object().toBuilder()
                        .putIpv4("partner-address", Ipv4Address.parse("127.0.0.2"))
                        .putIpv4("local-address", Ipv4Address.parse("127.0.0.1")).build());
        try (OmapiAssembly server = OmapiAssembly.start(dir, config, OmapiFixture.text(
                "/omapi/conf/dhcpd-failover-leases.leases"), OmapiFixture.FAILOVER_CAPTURE, () -> { })) {
            replay(server.port(), "f21-failover-state-open", (s, r, dhcpd) -> realAddresses.apply(dhcpd));
            // f22 request 3 sets mclt = 60: dhcpd answers 0 and changes nothing; we refuse with 6
            replay(server.port(), "f22-failover-state-bad", (s, r, dhcpd) -> r != 3 ? realAddresses.apply(dhcpd)
                    : status(dhcpd, 6, "can't update object: mclt of a failover peer comes from dhcpd.conf or the"
                            + " partner; only local-state can be set"));
            replay(server.port(), "f23-failover-partner-down", (s, r, dhcpd) -> realAddresses.apply(dhcpd));
            replay(server.port(), "f24-failover-lease", (s, r, dhcpd) -> dhcpd);
        }
    }
}
