package io.ironlease.omapi.server;

import io.ironlease.omapi.auth.Authenticator;
import io.ironlease.omapi.auth.HmacSigner;
import io.ironlease.omapi.wire.OmapiCodec;
import io.ironlease.omapi.wire.OmapiFrame;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiProtocolException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.omapi.wire.Opcode;
import io.ironlease.omapi.wire.StartupMessage;
import io.ironlease.shared.keys.OmapiKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Client-side bytes for driving a server connection by hand in tests. */
final class Wire {

    private int nextId = 100;
    private HmacSigner signer;
    private int authId;

    static byte[] startup() {
        return OmapiCodec.encodeStartup(StartupMessage.ISC);
    }

    byte[] authenticator(OmapiKey key) {
        return unsigned(Authenticator.openRequest(key));
    }

    /** Signs later requests with this key under this authid (as after a successful authenticator OPEN). */
    Wire signWith(OmapiKey key, int handle) {
        this.signer = HmacSigner.forKey(key);
        this.authId = handle;
        return this;
    }

    byte[] unsigned(OmapiMessage message) {
        return OmapiCodec.encode(message.withId(nextId++));
    }

    byte[] request(OmapiMessage message) {
        OmapiMessage numbered = message.withId(nextId++);
        return signer == null ? OmapiCodec.encode(numbered)
                : OmapiCodec.encodeSigned(numbered, authId, signer.signatureLength(), signer::sign);
    }

    static OmapiMessage open(String type, OmapiValues values, String... flags) {
        OmapiValues.Builder message = OmapiValues.builder();
        for (String flag : flags) {
            message.putInt32(flag, 1);
        }
        return OmapiMessage.of(Opcode.OPEN, 0, message.putString("type", type).build(), values);
    }

    static OmapiMessage onHandle(Opcode op, int handle, OmapiValues values) {
        return OmapiMessage.of(op, handle, OmapiValues.EMPTY, values);
    }

    /** The messages in server output, skipping a leading start-up message. */
    static List<OmapiMessage> replies(byte[] output) {
        try {
            ByteBuffer in = ByteBuffer.wrap(output);
            if (output.length >= 8 && in.getInt(0) == 100 && in.getInt(4) == 24) {
                in.position(8);
            }
            List<OmapiMessage> out = new ArrayList<>();
            while (in.hasRemaining()) {
                int length = OmapiCodec.frameLength(in.slice(), 1 << 20);
                byte[] frame = new byte[length];
                in.get(frame);
                out.add(new OmapiFrame(frame, OmapiCodec.decode(frame)).message());
            }
            return out;
        } catch (OmapiProtocolException e) {
            throw new IllegalStateException(e);
        }
    }

    static OmapiStatus result(OmapiMessage status) {
        return OmapiStatus.valueOf(status.message().int32("result").orElseThrow());
    }

    static String text(OmapiMessage status) {
        return status.message().string("message").orElse(null);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }
}
