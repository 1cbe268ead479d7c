package io.ironlease.omapi.testing;

import io.ironlease.omapi.wire.OmapiCodec;
import io.ironlease.omapi.wire.OmapiFrame;
import io.ironlease.omapi.wire.OmapiProtocolException;
import io.ironlease.omapi.wire.StartupMessage;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Loads the captured omshell/dhcpd byte streams from {@code golden/omapi/*.hex} and the lab's test-only key. */
public final class GoldenVectors {

    /** Every captured session, by file name. */
    public static final List<String> SESSIONS = List.of(
            "f21-failover-state-open", "f22-failover-state-bad", "f23-failover-partner-down", "f24-failover-lease",
            "p01-connect-key", "p02-connect-nokey", "p03-connect-wrong-secret", "p04-connect-unknown-keyname",
            "p05-lease-by-ip", "p06-lease-by-hw-and-uid", "p07-host-create", "p08-host-update", "p09-host-remove",
            "p10-host-lookups", "p11-failover-state-unconfigured", "p12-nonexistent", "p13-bad-attributes",
            "p14-group", "p15-lease-update", "p16-control-open", "p99-control-shutdown");

    private GoldenVectors() {
    }

    /** One session: the whole client-to-server and server-to-client streams. */
    public record Session(String name, byte[] clientStream, byte[] serverStream) {

        public List<OmapiFrame> clientMessages() {
            return split(clientStream);
        }

        public List<OmapiFrame> serverMessages() {
            return split(serverStream);
        }
    }

    public static Session load(String name) {
        String text = resource("/golden/omapi/" + name + ".hex");
        byte[] client = null;
        byte[] server = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("C ")) {
                client = HexFormat.of().parseHex(line.substring(2).strip());
            } else if (line.startsWith("S ")) {
                server = HexFormat.of().parseHex(line.substring(2).strip());
            }
        }
        if (client == null || server == null) {
            throw new IllegalStateException(name + ": missing C or S line");
        }
        return new Session(name, client, server);
    }

    /** The start-up message then every message of a stream, in order; fails on leftover bytes. */
    public static List<OmapiFrame> split(byte[] stream) {
        try {
            byte[] startup = new byte[StartupMessage.LENGTH];
            System.arraycopy(stream, 0, startup, 0, startup.length);
            if (!OmapiCodec.decodeStartup(startup).equals(StartupMessage.ISC)) {
                throw new IllegalStateException("stream does not start with the ISC start-up message");
            }
            List<OmapiFrame> frames = new ArrayList<>();
            int at = StartupMessage.LENGTH;
            while (at < stream.length) {
                int length = OmapiCodec.frameLength(ByteBuffer.wrap(stream, at, stream.length - at).slice(), 1 << 20);
                if (length < 0) {
                    throw new IllegalStateException("truncated message at stream offset " + at);
                }
                byte[] frame = new byte[length];
                System.arraycopy(stream, at, frame, 0, length);
                frames.add(new OmapiFrame(frame, OmapiCodec.decode(frame)));
                at += length;
            }
            return frames;
        } catch (OmapiProtocolException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lab key {@code omapi_key} (test-only; it signed every captured message). */
    public static OmapiKey labKey() {
        return OmapiKey.fromBase64("omapi_key", KeyAlgorithm.HMAC_MD5, resource("/keys/omapi_key.secret").strip());
    }

    public static String resource(String path) {
        try (InputStream in = GoldenVectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
