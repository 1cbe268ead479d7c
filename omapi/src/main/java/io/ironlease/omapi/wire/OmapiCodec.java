package io.ironlease.omapi.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Pure bytes-to-objects conversion for OMAPI (OMAPI-NOTES sections 1, 2 and 5). Integers are
 * big-endian; a list entry is {@code u16 name length, name, u32 value length, value}; a zero name
 * length ends a list. Every length is checked against the data (and against the caller's limit)
 * before anything is allocated, and every failure is an {@link OmapiProtocolException} with the
 * byte offset. The encoding is canonical: decoding and re-encoding gives back the same bytes.
 */
public final class OmapiCodec {

    /** The longest signature any supported algorithm produces (HMAC-SHA512). */
    public static final int MAX_SIGNATURE_LENGTH = 64;
    /** Offset of the first signed byte: everything after the authid is signed (OMAPI-NOTES section 5). */
    public static final int SIGNED_FROM = 4;

    /** Computes a signature over a region of a buffer; {@code auth.MessageSigner::sign} fits. */
    @FunctionalInterface
    public interface RegionSigner {
        byte[] sign(byte[] data, int offset, int length);
    }

    private OmapiCodec() {
    }

    public static byte[] encodeStartup(StartupMessage startup) {
        return ByteBuffer.allocate(StartupMessage.LENGTH).putInt((int) startup.protocolVersion())
                .putInt((int) startup.headerSize()).array();
    }

    public static StartupMessage decodeStartup(byte[] bytes) throws OmapiProtocolException {
        if (bytes.length != StartupMessage.LENGTH) {
            throw new OmapiProtocolException("a start-up message is 8 bytes, got " + bytes.length, 0);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        return new StartupMessage(Integer.toUnsignedLong(in.getInt()), Integer.toUnsignedLong(in.getInt()));
    }

    /**
     * The length of the message that starts at the buffer's position, or -1 when the buffer does not
     * hold all of it yet. Throws when the bytes so far cannot start a valid message, or when the message
     * would be longer than {@code maxLength}; both are known before the rest arrives. The buffer's
     * position is not changed.
     */
    public static int frameLength(ByteBuffer source, int maxLength) throws OmapiProtocolException {
        // a view in network order whatever order the caller's buffer uses (Netty's may be little-endian)
        ByteBuffer buffer = source.duplicate().order(ByteOrder.BIG_ENDIAN);
        int base = buffer.position();
        int available = buffer.remaining();
        if (available < OmapiMessage.HEADER_LENGTH) {
            return -1;
        }
        long authLength = Integer.toUnsignedLong(buffer.getInt(base + 4));
        if (authLength > MAX_SIGNATURE_LENGTH) {
            throw new OmapiProtocolException("authlen " + authLength + " is over " + MAX_SIGNATURE_LENGTH, 4);
        }
        long at = OmapiMessage.HEADER_LENGTH;
        for (int list = 0; list < 2; list++) {
            while (true) {
                checkLimit(at + 2, maxLength, at);
                if (at + 2 > available) {
                    return -1;
                }
                int nameLength = Short.toUnsignedInt(buffer.getShort(base + (int) at));
                at += 2;
                if (nameLength == 0) {
                    break;
                }
                checkLimit(at + nameLength + 4, maxLength, at - 2);
                if (at + nameLength + 4 > available) {
                    return -1;
                }
                at += nameLength;
                long valueLength = Integer.toUnsignedLong(buffer.getInt(base + (int) at));
                checkLimit(at + 4 + valueLength, maxLength, at);
                at += 4 + valueLength;
            }
        }
        at += authLength;
        checkLimit(at, maxLength, 4);
        return at <= available ? (int) at : -1;
    }

    private static void checkLimit(long end, int maxLength, long offset) throws OmapiProtocolException {
        if (end > maxLength) {
            throw new OmapiProtocolException("message longer than the limit of " + maxLength + " bytes", (int) offset);
        }
    }

    /** Decodes exactly one message; the array must end where the message ends. */
    public static OmapiMessage decode(byte[] frame) throws OmapiProtocolException {
        Reader in = new Reader(frame);
        int authId = in.int32();
        long authLength = Integer.toUnsignedLong(in.int32());
        if (authLength > MAX_SIGNATURE_LENGTH) {
            throw new OmapiProtocolException("authlen " + authLength + " is over " + MAX_SIGNATURE_LENGTH, 4);
        }
        int opCode = in.int32();
        if (!Opcode.isKnown(opCode)) {
            throw new OmapiProtocolException("unknown opcode " + Integer.toUnsignedString(opCode), 8);
        }
        int handle = in.int32();
        int id = in.int32();
        int rid = in.int32();
        OmapiValues message = in.values();
        OmapiValues object = in.values();
        byte[] signature = in.bytes((int) authLength);
        if (in.at != frame.length) {
            throw new OmapiProtocolException((frame.length - in.at) + " bytes after the end of the message", in.at);
        }
        return new OmapiMessage(authId, Opcode.fromCode(opCode), handle, id, rid, message, object, signature);
    }

    /** Encodes the message as it stands: authlen is the signature's length, which follows the lists. */
    public static byte[] encode(OmapiMessage message) {
        byte[] signature = message.signature();
        byte[] out = encodeBody(message, message.authId(), signature.length);
        System.arraycopy(signature, 0, out, out.length - signature.length, signature.length);
        return out;
    }

    /**
     * Encodes the message under {@code authId} with a signature of {@code authLength} bytes computed by
     * {@code signer} over everything after the authid (OMAPI-NOTES section 5).
     */
    public static byte[] encodeSigned(OmapiMessage message, int authId, int authLength, RegionSigner signer) {
        byte[] out = encodeBody(message, authId, authLength);
        int signedLength = out.length - authLength - SIGNED_FROM;
        byte[] signature = signer.sign(out, SIGNED_FROM, signedLength);
        if (signature.length != authLength) {
            throw new IllegalStateException("signer gave " + signature.length + " bytes, expected " + authLength);
        }
        System.arraycopy(signature, 0, out, out.length - authLength, authLength);
        return out;
    }

    /** The bytes a signature covers: the encoded message from offset 4 up to the end of the object list. */
    public static byte[] signedRegion(byte[] frame, int authLength) {
        byte[] region = new byte[frame.length - SIGNED_FROM - authLength];
        System.arraycopy(frame, SIGNED_FROM, region, 0, region.length);
        return region;
    }

    /** Encoded size of a message with a signature of {@code authLength} bytes. */
    public static int encodedLength(OmapiMessage message, int authLength) {
        return OmapiMessage.HEADER_LENGTH + listLength(message.message()) + listLength(message.object()) + authLength;
    }

    private static int listLength(OmapiValues values) {
        int length = 2;
        for (OmapiValues.Entry entry : values) {
            length += 2 + entry.name().length() + 4 + entry.length();
        }
        return length;
    }

    private static byte[] encodeBody(OmapiMessage message, int authId, int authLength) {
        ByteBuffer out = ByteBuffer.allocate(encodedLength(message, authLength));
        out.putInt(authId).putInt(authLength).putInt(message.op().code()).putInt(message.handle())
                .putInt(message.id()).putInt(message.rid());
        putList(out, message.message());
        putList(out, message.object());
        return out.array();
    }

    private static void putList(ByteBuffer out, OmapiValues values) {
        for (OmapiValues.Entry entry : values) {
            out.putShort((short) entry.name().length());
            out.put(entry.name().getBytes(StandardCharsets.ISO_8859_1));
            byte[] value = entry.bytesUnsafe();
            out.putInt(value.length);
            out.put(value);
        }
        out.putShort((short) 0);
    }

    /** Bounds-checked reading of one frame. */
    private static final class Reader {
        private final byte[] data;
        private int at;

        Reader(byte[] data) {
            this.data = data;
        }

        private void need(long count, String what) throws OmapiProtocolException {
            if (count > data.length - at) {
                throw new OmapiProtocolException(what + " needs " + count + " bytes, " + (data.length - at)
                        + " left", at);
            }
        }

        int int32() throws OmapiProtocolException {
            need(4, "a 32-bit field");
            int value = ((data[at] & 0xff) << 24) | ((data[at + 1] & 0xff) << 16) | ((data[at + 2] & 0xff) << 8)
                    | (data[at + 3] & 0xff);
            at += 4;
            return value;
        }

        int uint16() throws OmapiProtocolException {
            need(2, "a name length");
            int value = ((data[at] & 0xff) << 8) | (data[at + 1] & 0xff);
            at += 2;
            return value;
        }

        byte[] bytes(long count) throws OmapiProtocolException {
            need(count, "a field");
            byte[] out = new byte[(int) count];
            System.arraycopy(data, at, out, 0, (int) count);
            at += (int) count;
            return out;
        }

        OmapiValues values() throws OmapiProtocolException {
            OmapiValues.Builder builder = OmapiValues.builder();
            while (true) {
                int nameLength = uint16();
                if (nameLength == 0) {
                    return builder.build();
                }
                need(nameLength, "a name");
                String name = new String(data, at, nameLength, StandardCharsets.ISO_8859_1);
                at += nameLength;
                int valueAt = at;
                long valueLength = Integer.toUnsignedLong(int32());
                if (valueLength > data.length - at) {
                    throw new OmapiProtocolException("value of \"" + name + "\" claims " + valueLength
                            + " bytes, " + (data.length - at) + " left", valueAt);
                }
                builder.append(name, bytes(valueLength));
            }
        }
    }
}
