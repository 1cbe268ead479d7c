package io.ironlease.server.failover.link;

import io.ironlease.server.failover.FailoverEvent;
import io.ironlease.server.failover.LinkId;
import io.ironlease.server.failover.wire.FailoverCodec;
import io.ironlease.server.failover.wire.FailoverProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One failover TCP connection, after {@code LengthFieldBasedFrameDecoder}: decodes each frame with
 * {@link FailoverCodec} on the event loop and hands the events, in order, to the lease-engine
 * executor. A frame that cannot be decoded becomes a ProtocolError and closes this connection only.
 * At most {@link PeerLink#MAX_QUEUED_EVENTS} events wait for the engine: beyond that the connection
 * stops reading (TCP flow control pushes back on the partner) until the engine catches up.
 */
final class PeerConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PeerConnectionHandler.class);

    private final PeerLink link;
    private final LinkId id;
    private final boolean outbound;
    private final AtomicInteger queued = new AtomicInteger();
    private boolean up;
    private boolean failed;

    PeerConnectionHandler(PeerLink link, LinkId id, boolean outbound) {
        this.link = link;
        this.id = id;
        this.outbound = outbound;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        up = link.register(id, ctx.channel(), outbound);
        if (up) {
            deliver(ctx, new FailoverEvent.ConnectionUp(id));
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        byte[] bytes;
        try {
            bytes = ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
        if (!up || failed) {
            return;
        }
        try {
            deliver(ctx, new FailoverEvent.MessageReceived(id, FailoverCodec.decode(bytes)));
        } catch (FailoverProtocolException e) {
            fail(ctx, e.getMessage() + " in a " + bytes.length + "-byte message");
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException) {
            fail(ctx, "framing: " + cause.getMessage());
        } else if (cause instanceof IOException) {
            LOG.debug("FAILOVER_LINK_IO_ERROR link={} remote={} {}", id, ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        } else {
            LOG.warn("FAILOVER_LINK_ERROR link={} remote={}", id, ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        link.unregister(id);
        if (up) {
            LOG.info("FAILOVER_LINK_DOWN link={} remote={}", id, ctx.channel().remoteAddress());
            deliver(ctx, new FailoverEvent.ConnectionLost(id));
        }
        ctx.fireChannelInactive();
    }

    /** A malformed message: report it, stop reading, close this connection (never the listener). */
    private void fail(ChannelHandlerContext ctx, String problem) {
        if (failed) {
            return;
        }
        failed = true;
        SocketAddress remote = ctx.channel().remoteAddress();
        LOG.warn("FAILOVER_LINK_MALFORMED link={} remote={} problem={}", id, remote, problem);
        if (up) {
            deliver(ctx, new FailoverEvent.ProtocolError(id, problem));
        }
        ctx.close();
    }

    /** Hands one event to the engine; pauses reading while too many wait there. */
    private void deliver(ChannelHandlerContext ctx, FailoverEvent event) {
        if (queued.incrementAndGet() >= PeerLink.MAX_QUEUED_EVENTS) {
            ctx.channel().config().setAutoRead(false);
        }
        boolean accepted = link.dispatch(event, () -> {
            if (queued.decrementAndGet() == PeerLink.MAX_QUEUED_EVENTS / 2 && ctx.channel().isOpen()) {
                ctx.channel().config().setAutoRead(true);
            }
        });
        if (!accepted) {
            queued.decrementAndGet();
        }
    }
}
