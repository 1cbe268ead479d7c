package io.ironlease.server.failover.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Pure bytes-to-messages codec for draft-ietf-dhc-failover-12 §6: a 12-byte header (u16 length of
 * the whole message, u8 type, u8 payload offset, u32 sender time, u32 xid) followed by options
 * (u16 code, u16 length, data) up to the end of the message. All integers are big-endian.
 *
 * <p>The stream framing parameters for Netty's {@code LengthFieldBasedFrameDecoder} are the
 * {@code FRAME_*} constants: {@code new LengthFieldBasedFrameDecoder(MAX_MESSAGE_LENGTH,
 * FRAME_LENGTH_FIELD_OFFSET, FRAME_LENGTH_FIELD_LENGTH, FRAME_LENGTH_ADJUSTMENT,
 * FRAME_INITIAL_BYTES_TO_STRIP)} hands {@link #decode} whole messages, header included.
 */
public final class FailoverCodec {

    /** Header size; ISC always writes payload offset 12. */
    public static final int HEADER_LENGTH = 12;
    /** ISC's DHCP_FAILOVER_MAX_MESSAGE_SIZE: longer messages make it drop the connection. */
    public static final int MAX_MESSAGE_LENGTH = 2048;
    public static final int FRAME_LENGTH_FIELD_OFFSET = 0;
    public static final int FRAME_LENGTH_FIELD_LENGTH = 2;
    /** The length field counts itself and the rest of the header. */
    public static final int FRAME_LENGTH_ADJUSTMENT = -2;
    public static final int FRAME_INITIAL_BYTES_TO_STRIP = 0;

    private FailoverCodec() {
    }

    /**
     * Decodes exactly one message. A payload offset above 12 is accepted and the extra header bytes
     * skipped, as ISC does; they are not kept. Unknown option codes are kept raw in order.
     *
     * @throws FailoverProtocolException for a bad length, unknown type, overrunning option, wrong
     *         option size or duplicated modelled option; nothing else is ever thrown
     */
    public static FailoverMessage decode(byte[] frame) throws FailoverProtocolException {
        if (frame.length < HEADER_LENGTH) {
            throw new FailoverProtocolException("message of " + frame.length + " bytes is shorter than the header", 0);
        }
        int length = u16(frame, 0);
        if (length != frame.length) {
            throw new FailoverProtocolException("length field says " + length + " but the frame has "
                    + frame.length + " bytes", 0);
        }
        if (length > MAX_MESSAGE_LENGTH) {
            throw new FailoverProtocolException("message of " + length + " bytes exceeds " + MAX_MESSAGE_LENGTH, 0);
        }
        FailoverMessageType type = FailoverMessageType.fromCode(frame[2] & 0xff).orElseThrow(
                () -> new FailoverProtocolException("unknown message type " + (frame[2] & 0xff), 2));
        int payloadOffset = frame[3] & 0xff;
        if (payloadOffset < HEADER_LENGTH || payloadOffset > length) {
            throw new FailoverProtocolException("payload offset " + payloadOffset + " outside "
                    + HEADER_LENGTH + ".." + length, 3);
        }
        long time = u32(frame, 4);
        long xid = u32(frame, 8);
        List<RawOption> options = new ArrayList<>();
        int[] offsets = new int[(length - payloadOffset) / 4 + 1];
        int at = payloadOffset;
        while (at < length) {
            if (at + 4 > length) {
                throw new FailoverProtocolException("option header runs past the end of the message", at);
            }
            int code = u16(frame, at);
            int dataLength = u16(frame, at + 2);
            if (at + 4 + dataLength > length) {
                throw new FailoverProtocolException("option " + code + " data of " + dataLength
                        + " bytes runs past the end of the message", at);
            }
            byte[] data = new byte[dataLength];
            System.arraycopy(frame, at + 4, data, 0, dataLength);
            offsets[options.size()] = at;
            options.add(new RawOption(code, Bytes.wrap(data)));
            at += 4 + dataLength;
        }
        return MessageBodies.decode(type, time, xid, options, offsets);
    }

    /**
     * Encodes one message: modelled options in the record's order, then its extra options.
     *
     * @throws IllegalArgumentException if the message would exceed {@link #MAX_MESSAGE_LENGTH}
     */
    public static byte[] encode(FailoverMessage message) {
        List<RawOption> options = MessageBodies.encode(message);
        int length = HEADER_LENGTH;
        for (RawOption option : options) {
            length += option.encodedLength();
        }
        if (length > MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException(message.type() + " of " + length + " bytes exceeds "
                    + MAX_MESSAGE_LENGTH);
        }
        byte[] out = new byte[length];
        putU16(out, 0, length);
        out[2] = (byte) message.type().code();
        out[3] = HEADER_LENGTH;
        putU32(out, 4, message.time());
        putU32(out, 8, message.xid());
        int at = HEADER_LENGTH;
        for (RawOption option : options) {
            putU16(out, at, option.code());
            putU16(out, at + 2, option.data().length());
            option.data().copyTo(out, at + 4);
            at += option.encodedLength();
        }
        return out;
    }

    /** The options a message type models, in the order they are written. */
    public static List<FailoverOptionCode> optionOrder(FailoverMessageType type) {
        return MessageBodies.order(type);
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void putU32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
