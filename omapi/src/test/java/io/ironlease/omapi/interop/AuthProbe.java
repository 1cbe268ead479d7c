package io.ironlease.omapi.interop;

import io.ironlease.omapi.auth.Authenticator;
import io.ironlease.omapi.auth.HmacSigner;
import io.ironlease.omapi.client.OmapiClient;
import io.ironlease.omapi.client.OmapiConnectionClosedException;
import io.ironlease.omapi.testing.Frames;
import io.ironlease.omapi.wire.OmapiCodec;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.omapi.wire.Opcode;
import io.ironlease.omapi.wire.StartupMessage;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import io.ironlease.shared.net.Ipv4Address;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * The ways a connection can fail authentication, tried against one OMAPI server; the outcomes are
 * plain records so dhcpd's and ours can be compared with {@code equals}.
 */
final class AuthProbe {

    /**
     * What the server answered: status code, its message, and whether the connection was closed after
     * it (tried by sending another request: answered means open).
     */
    record Outcome(int result, String message, boolean closed) {
    }

    private static final OmapiValues LEASE = OmapiValues.builder()
            .putIpv4("ip-address", Ipv4Address.parse("192.168.100.100")).build();

    private final int port;
    private final OmapiKey key;

    AuthProbe(int port, OmapiKey key) {
        this.port = port;
        this.key = key;
    }

    private OmapiClient connect(OmapiKey with) throws OmapiException {
        OmapiClient.Builder builder = OmapiClient.builder().connectTimeout(Duration.ofSeconds(10))
                .requestTimeout(Duration.ofSeconds(10));
        return (with == null ? builder : builder.key(with)).connect("127.0.0.1", port);
    }

    /** Right key name, wrong secret: the first signed request. */
    Outcome wrongSecret() throws Exception {
        OmapiKey wrong = new OmapiKey(key.name(), KeyAlgorithm.HMAC_MD5, "not-the-secret".getBytes());
        try (OmapiClient client = connect(wrong)) {
            OmapiException refused = attempt(client);
            boolean closed = attempt(client) instanceof OmapiConnectionClosedException;
            return new Outcome(refused.status().code(), refused.serverMessage().orElse(null), closed);
        }
    }

    /** No key at all: an unsigned lease OPEN, twice (the connection must stay usable). */
    Outcome noKey() throws Exception {
        try (OmapiClient client = connect(null)) {
            attempt(client);
            OmapiException second = attempt(client);
            return new Outcome(second.status().code(), second.serverMessage().orElse(null), !client.isConnected());
        }
    }

    /** A key name the server does not know: the authenticator OPEN itself. */
    Outcome unknownKeyName() throws Exception {
        try (OmapiClient client = connect(new OmapiKey("no_such_key", KeyAlgorithm.HMAC_MD5, key.secret()))) {
            throw new AssertionError("the server accepted an unknown key name");
        } catch (OmapiConnectionClosedException e) {
            throw e;
        } catch (OmapiException e) {
            return new Outcome(e.status().code(), e.serverMessage().orElse(null), false);
        }
    }

    /** The right key, one byte of a signed request changed on the wire (framing intact). */
    Outcome corruptedSignature() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            socket.getOutputStream().write(OmapiCodec.encodeStartup(StartupMessage.ISC));
            in.readNBytes(StartupMessage.LENGTH);
            socket.getOutputStream().write(OmapiCodec.encode(Authenticator.openRequest(key).withId(1)));
            int authId = Authenticator.acceptReply(Frames.read(in));
            HmacSigner signer = HmacSigner.forKey(key);
            byte[] request = OmapiCodec.encodeSigned(OmapiMessage.of(Opcode.OPEN, 0,
                    OmapiValues.builder().putString("type", "lease").build(), LEASE).withId(2), authId, 16, signer::sign);
            request[34] ^= 1; // inside "lease": the signature no longer matches
            socket.getOutputStream().write(request);
            OmapiMessage status = Frames.read(in);
            if (status.isSigned() || status.authId() != 0) {
                throw new AssertionError("the refusal was signed: " + status);
            }
            socket.getOutputStream().write(OmapiCodec.encodeSigned(OmapiMessage.of(Opcode.OPEN, 0,
                    OmapiValues.builder().putString("type", "lease").build(), LEASE).withId(3), authId, 16, signer::sign));
            boolean closed;
            try {
                closed = Frames.read(in) == null;
            } catch (Frames.ClosedException e) {
                closed = true;
            }
            return new Outcome(status.message().int32("result").orElseThrow(),
                    status.message().string("message").orElse(null), closed);
        }
    }

    private static OmapiException attempt(OmapiClient client) {
        try {
            client.open("lease", LEASE);
        } catch (OmapiException e) {
            return e;
        }
        throw new AssertionError("the server answered a request it should have refused");
    }

}
