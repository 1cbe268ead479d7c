package io.ironlease.omapi.testing;

import io.ironlease.omapi.wire.OmapiCodec;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** Reads OMAPI messages from a plain blocking socket, for tests that speak the protocol by hand. */
public final class Frames {

    /** The peer closed the connection before a whole message came. */
    public static final class ClosedException extends IOException {
        private static final long serialVersionUID = 1L;

        ClosedException(int bytes) {
            super("connection closed after " + bytes + " bytes of a message");
        }
    }

    private Frames() {
    }

    /** The next whole message; throws {@link ClosedException} at end of stream. */
    public static OmapiMessage read(InputStream in) throws IOException, OmapiProtocolException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        while (true) {
            byte[] sofar = buffer.toByteArray();
            if (OmapiCodec.frameLength(ByteBuffer.wrap(sofar), 1 << 16) == sofar.length && sofar.length > 0) {
                return OmapiCodec.decode(sofar);
            }
            int next = in.read();
            if (next < 0) {
                throw new ClosedException(sofar.length);
            }
            buffer.write(next);
        }
    }
}
