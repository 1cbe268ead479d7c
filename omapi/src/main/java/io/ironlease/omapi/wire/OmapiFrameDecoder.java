package io.ironlease.omapi.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Netty framing for an OMAPI byte stream, in either direction: the 8-byte start-up message first
 * (emitted as a {@link StartupMessage}), then messages (emitted as {@link OmapiFrame}). Sizes are
 * checked by {@link OmapiCodec#frameLength} before the bytes are waited for, so a message announced
 * longer than the limit fails at once. After a failure the rest of the stream is discarded, since
 * framing is lost; the handler closes the connection.
 */
public final class OmapiFrameDecoder extends ByteToMessageDecoder {

    /** Default limit on one message; ISC's own messages are a few hundred bytes. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 64 * 1024;

    private final int maxMessageLength;
    private boolean startupSeen;
    private boolean failed;

    public OmapiFrameDecoder() {
        this(DEFAULT_MAX_MESSAGE_LENGTH);
    }

    public OmapiFrameDecoder(int maxMessageLength) {
        if (maxMessageLength < OmapiMessage.HEADER_LENGTH + 4) {
            throw new IllegalArgumentException("message limit too small: " + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
    }

    /** Whether bytes of an unfinished start-up or message are waiting for the rest. */
    public boolean hasPartialMessage() {
        return !failed && actualReadableBytes() > 0;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws OmapiProtocolException {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            if (!startupSeen) {
                if (in.readableBytes() < StartupMessage.LENGTH) {
                    return;
                }
                byte[] startup = new byte[StartupMessage.LENGTH];
                in.readBytes(startup);
                startupSeen = true;
                out.add(OmapiCodec.decodeStartup(startup));
            }
            while (in.isReadable()) {
                int length = OmapiCodec.frameLength(in.nioBuffer(in.readerIndex(), in.readableBytes()), maxMessageLength);
                if (length < 0) {
                    return;
                }
                byte[] frame = new byte[length];
                in.readBytes(frame);
                out.add(new OmapiFrame(frame, OmapiCodec.decode(frame)));
            }
        } catch (OmapiProtocolException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }
}
