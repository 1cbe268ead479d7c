package io.ironlease.server.net;

import io.ironlease.server.dhcp.BootOp;
import io.ironlease.server.dhcp.DhcpCodec;
import io.ironlease.server.dhcp.DhcpPacket;
import io.ironlease.server.dhcp.DhcpParseException;
import io.ironlease.server.dhcp.DhcpPorts;
import io.ironlease.server.dhcp.ReplyDestination;
import io.ironlease.server.dhcp.ReplyRouting;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * The Netty end of one DHCP socket: decodes each datagram on the event loop, hands requests to the
 * {@link DhcpRequestHandler}, then routes, encodes and sends its replies. Malformed datagrams are
 * counted and dropped with a rate-limited {@code DHCP_DROP_MALFORMED} line; nothing is thrown out of
 * the pipeline, so one bad packet never stops the socket.
 */
public final class DhcpDatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    /** Chooses the socket a reply leaves from: broadcasts from the receiving interface's socket. */
    public interface ReplyChannels {
        Channel forBroadcast(Channel receiving);

        Channel forUnicast(Channel receiving);

        /** Every reply from the receiving socket: one socket serving relays and clients. */
        static ReplyChannels receiving() {
            return new ReplyChannels() {
                @Override
                public Channel forBroadcast(Channel receiving) {
                    return receiving;
                }

                @Override
                public Channel forUnicast(Channel receiving) {
                    return receiving;
                }
            };
        }
    }

    private final DhcpRequestHandler handler;
    private final DhcpPorts ports;
    private final Optional<ListenerInterface> iface;
    private final ReplyChannels replyChannels;
    private final DhcpCounters counters;
    private final RateLimitedLog log;
    private final Clock clock;
    private final Predicate<InetSocketAddress> acceptDestination;
    /** Datagram bytes are copied here for decoding (event loop confined; the codec copies what it keeps). */
    private final byte[] scratch = new byte[2048];

    /**
     * @param ports the server's ports, or null to take the server port from the socket's local port
     *              (for sockets bound to an ephemeral port)
     */
    public DhcpDatagramHandler(DhcpRequestHandler handler, DhcpPorts ports, Optional<ListenerInterface> iface,
            ReplyChannels replyChannels, DhcpCounters counters, RateLimitedLog log, Clock clock) {
        this(handler, ports, iface, replyChannels, counters, log, clock, destination -> true);
    }

    /**
     * @param acceptDestination datagrams whose destination fails this test are ignored without being
     *                          counted: the unicast socket beside interface sockets uses it to skip the
     *                          broadcasts that an interface socket also received
     */
    public DhcpDatagramHandler(DhcpRequestHandler handler, DhcpPorts ports, Optional<ListenerInterface> iface,
            ReplyChannels replyChannels, DhcpCounters counters, RateLimitedLog log, Clock clock,
            Predicate<InetSocketAddress> acceptDestination) {
        super(DatagramPacket.class, true);
        this.acceptDestination = acceptDestination;
        this.handler = handler;
        this.ports = ports;
        this.iface = iface;
        this.replyChannels = replyChannels;
        this.counters = counters;
        this.log = log;
        this.clock = clock;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
        if (!acceptDestination.test(datagram.recipient())) {
            return;
        }
        counters.received.increment();
        InetSocketAddress source = datagram.sender();
        DhcpPacket packet;
        try {
            ByteBuf content = datagram.content();
            int length = content.readableBytes();
            byte[] bytes = length <= scratch.length ? scratch : new byte[length];
            content.getBytes(content.readerIndex(), bytes, 0, length);
            packet = DhcpCodec.decode(bytes, 0, length);
        } catch (DhcpParseException e) {
            counters.malformed.increment();
            log.warn("DHCP_DROP_MALFORMED", () -> "from " + source + ": " + e.getMessage());
            return;
        }
        if (packet.op() != BootOp.BOOTREQUEST) {
            counters.dropped.increment();
            log.warn("DHCP_DROP_NOT_REQUEST", () -> "BOOTREPLY xid " + Integer.toHexString(packet.xid())
                    + " from " + source);
            return;
        }
        ReceiveInfo info = new ReceiveInfo(source, datagram.recipient(), iface, clock.instant());
        Channel channel = ctx.channel();
        CompletionStage<List<DhcpPacket>> replies;
        try {
            replies = handler.handle(new DhcpRequest(packet, info));
        } catch (RuntimeException e) {
            handlerFailed(packet, e);
            return;
        }
        if (replies.toCompletableFuture().isDone()) {
            finish(channel, packet, info, replies.toCompletableFuture());
        } else {
            // replies complete on the engine or journal thread: route, encode and send them on this event loop
            replies.whenComplete((list, error) -> {
                if (channel.eventLoop().inEventLoop()) {
                    finish(channel, packet, info, replies.toCompletableFuture());
                } else {
                    channel.eventLoop().execute(() -> finish(channel, packet, info, replies.toCompletableFuture()));
                }
            });
        }
    }

    private void finish(Channel channel, DhcpPacket packet, ReceiveInfo info,
            java.util.concurrent.CompletableFuture<List<DhcpPacket>> replies) {
        List<DhcpPacket> list;
        try {
            list = replies.join();
        } catch (RuntimeException e) {
            handlerFailed(packet, e.getCause() != null ? e.getCause() : e);
            return;
        }
        send(channel, packet, info, list);
    }

    /** Channels written since the last flush; one flush task per burst lets the socket send them together. */
    private final java.util.Set<Channel> unflushed = new java.util.LinkedHashSet<>();
    private boolean flushScheduled;

    /**
     * At most this many replies go out in one burst (one sendmmsg): after a stall the handler may answer
     * hundreds of queued requests in a row, and one burst of them all overflows a client's or relay's
     * receive buffer; sent in slices, they interleave with the processing that produces them.
     */
    private static final int MAX_BURST = 16;
    private int unflushedWrites;

    private void flushLater(Channel written, Channel receiving) {
        unflushed.add(written);
        if (++unflushedWrites >= MAX_BURST) {
            unflushed.forEach(Channel::flush);
            unflushed.clear();
            unflushedWrites = 0;
            return;
        }
        if (!flushScheduled) {
            flushScheduled = true;
            receiving.eventLoop().execute(() -> {
                flushScheduled = false;
                unflushed.forEach(Channel::flush);
                unflushed.clear();
                unflushedWrites = 0;
            });
        }
    }

    private void handlerFailed(DhcpPacket packet, Throwable error) {
        counters.dropped.increment();
        log.warn("DHCP_HANDLER_FAILED", () -> "xid " + Integer.toHexString(packet.xid()) + " from "
                + packet.chaddr() + ": " + error);
    }

    private void send(Channel receiving, DhcpPacket request, ReceiveInfo info, List<DhcpPacket> replies) {
        DhcpPorts serverPorts = ports != null ? ports : portsOf(receiving.localAddress());
        int maxLength = DhcpCodec.maxReplyLength(request);
        for (DhcpPacket reply : replies) {
            ReplyRouting.RoutedReply routed = ReplyRouting.route(request, reply, info.sourceAddress(),
                    info.source().getPort(), serverPorts);
            ReplyDestination destination = routed.destination();
            Channel channel = destination.kind() == ReplyDestination.Kind.BROADCAST
                    ? replyChannels.forBroadcast(receiving) : replyChannels.forUnicast(receiving);
            InetSocketAddress to = socketAddress(destination);
            channel.write(new DatagramPacket(encode(channel, routed.reply(), maxLength, request), to))
                    .addListener(future -> {
                        if (future.isSuccess()) {
                            counters.repliesSent.increment();
                        } else {
                            counters.sendFailures.increment();
                            log.warn("DHCP_SEND_FAILED", () -> "to " + destination + ": " + future.cause());
                        }
                    });
            flushLater(channel, receiving);
        }
    }

    /** Replies are encoded here, then copied into a pooled direct buffer (event loop confined). */
    private final byte[] replyScratch = new byte[2048];

    /**
     * The reply in a pooled direct buffer, which the socket sends without another copy: most replies are
     * encoded straight into the scratch array; those whose options need laying out take the full encoder.
     */
    private ByteBuf encode(Channel channel, DhcpPacket reply, int maxLength, DhcpPacket request) {
        int length = DhcpCodec.encodeSimple(reply, maxLength, replyScratch);
        if (length >= 0) {
            return channel.alloc().directBuffer(length).writeBytes(replyScratch, 0, length);
        }
        DhcpCodec.Encoded encoded = DhcpCodec.encodeReporting(reply, maxLength);
        if (!encoded.droppedCodes().isEmpty()) {
            log.warn("DHCP_REPLY_OPTIONS_DROPPED", () -> "options " + encoded.droppedCodes() + " do not fit in "
                    + maxLength + " bytes for " + request.chaddr());
        }
        return Unpooled.wrappedBuffer(encoded.bytes());
    }

    /** The last destination and its socket address, reused: replies mostly go to the same relay. */
    private ReplyDestination lastDestination;
    private InetSocketAddress lastTo;

    private InetSocketAddress socketAddress(ReplyDestination destination) {
        if (!destination.equals(lastDestination)) {
            lastTo = new InetSocketAddress(destination.address().toInetAddress(), destination.port());
            lastDestination = destination;
        }
        return lastTo;
    }

    private static DhcpPorts portsOf(SocketAddress local) {
        if (local instanceof InetSocketAddress inet && inet.getPort() > 0) {
            return DhcpPorts.of(inet.getPort());
        }
        return DhcpPorts.DEFAULT;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        handler.endOfBatch();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // e.g. ICMP port unreachable surfaced as a read error: log and keep the socket open
        log.warn("DHCP_SOCKET_ERROR", () -> String.valueOf(cause));
    }
}
