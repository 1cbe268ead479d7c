package io.ironlease.server.net;

import io.ironlease.server.dhcp.DhcpPorts;
import io.ironlease.shared.net.Ipv4Address;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.unix.RawUnixChannelOption;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The DHCP server's UDP sockets (see {@link DhcpTransportConfig} for which). Uses Netty's epoll
 * transport when available, NIO otherwise; interface-bound sockets need epoll. Start, read
 * {@link #ports()} (the real port after an ephemeral bind) and {@link #counters()}, close.
 */
public final class DhcpTransport implements AutoCloseable {

    // Linux <asm-generic/socket.h>: SOL_SOCKET 1, SO_BINDTODEVICE 25; IFNAMSIZ 16
    private static final RawUnixChannelOption SO_BINDTODEVICE = new RawUnixChannelOption("SO_BINDTODEVICE", 1, 25, 16);

    private static final int DATAGRAM_SLOT = 1500;
    private static final int DATAGRAMS_PER_READ = 16;

    /** The transport's own group, or null when it runs on a caller's group. */
    private final EventLoopGroup group;
    private final List<Channel> channels;
    private final DhcpPorts ports;
    private final InetSocketAddress unicastAddress;
    private final List<ListenerInterface> interfaces;
    private final DhcpCounters counters;
    private final boolean epoll;

    private DhcpTransport(EventLoopGroup group, List<Channel> channels, DhcpPorts ports,
            InetSocketAddress unicastAddress, List<ListenerInterface> interfaces, DhcpCounters counters,
            boolean epoll) {
        this.group = group;
        this.channels = channels;
        this.ports = ports;
        this.unicastAddress = unicastAddress;
        this.interfaces = interfaces;
        this.counters = counters;
        this.epoll = epoll;
    }

    /** Binds every socket of {@code config}; on failure closes what was bound and throws. */
    public static DhcpTransport start(DhcpTransportConfig config, DhcpRequestHandler handler, Clock clock)
            throws IOException {
        return start(config, handler, clock, null);
    }

    /** The event loop group a transport should run on, for callers that share it (see {@link #start(DhcpTransportConfig, DhcpRequestHandler, Clock, EventLoopGroup)}). */
    public static EventLoopGroup newGroup(DhcpTransportConfig config) {
        boolean epoll = config.preferEpoll() && Epoll.isAvailable();
        return new MultiThreadIoEventLoopGroup(config.eventLoopThreads(),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    /**
     * Binds on {@code external} (made by {@link #newGroup}) when not null: the caller owns that group and
     * shuts it down after {@link #close}, which then closes only the sockets.
     */
    public static DhcpTransport start(DhcpTransportConfig config, DhcpRequestHandler handler, Clock clock,
            EventLoopGroup external) throws IOException {
        boolean epoll = config.preferEpoll() && Epoll.isAvailable();
        if (!config.interfaces().isEmpty() && !epoll) {
            throw new IOException("interface sockets need Netty's epoll transport: "
                    + (config.preferEpoll() ? Epoll.unavailabilityCause() : "epoll disabled"));
        }
        EventLoopGroup group = external != null ? external : newGroup(config);
        List<Channel> channels = new ArrayList<>();
        DhcpCounters counters = new DhcpCounters();
        RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(DhcpTransport.class), clock,
                Duration.ofSeconds(10));
        try {
            boolean relayOnly = config.interfaces().isEmpty();
            DhcpPorts fixed = config.port() == 0 ? null : DhcpPorts.of(config.port());
            ChannelHandler unicastHandler = relayOnly
                    ? new DhcpDatagramHandler(handler, fixed, Optional.empty(),
                            DhcpDatagramHandler.ReplyChannels.receiving(), counters, log, clock)
                    : new DhcpDatagramHandler(handler, fixed, Optional.empty(),
                            DhcpDatagramHandler.ReplyChannels.receiving(), counters, log, clock,
                            new LocalUnicastDestinations());
            Bootstrap unicastBootstrap = bootstrap(group, epoll, config, unicastHandler);
            if (epoll && (!relayOnly || config.bindAddress().isAnyLocalAddress())) {
                // the original destination tells a relayed unicast from a broadcast an interface socket also got,
                // and which of the host's addresses a request was sent to (the server identifier)
                unicastBootstrap.option(EpollChannelOption.IP_RECVORIGDSTADDR, true);
            }
            Channel unicast = bind(unicastBootstrap, new InetSocketAddress(config.bindAddress(), config.port()),
                    "unicast socket");
            channels.add(unicast);
            InetSocketAddress unicastAddress = (InetSocketAddress) unicast.localAddress();
            DhcpPorts ports = DhcpPorts.of(unicastAddress.getPort());
            List<ListenerInterface> interfaces = new ArrayList<>();
            for (String name : config.interfaces()) {
                ListenerInterface iface = describe(name);
                DhcpDatagramHandler.ReplyChannels replies = new DhcpDatagramHandler.ReplyChannels() {
                    @Override
                    public Channel forBroadcast(Channel receiving) {
                        return receiving;
                    }

                    @Override
                    public Channel forUnicast(Channel receiving) {
                        return unicast;
                    }
                };
                Bootstrap bootstrap = bootstrap(group, epoll, config, new DhcpDatagramHandler(handler, ports,
                        Optional.of(iface), replies, counters, log, clock))
                        .option(SO_BINDTODEVICE, deviceName(name));
                channels.add(bind(bootstrap, new InetSocketAddress(Ipv4Address.ANY.toInetAddress(), ports.serverPort()),
                        "socket on " + name));
                interfaces.add(iface);
            }
            return new DhcpTransport(external == null ? group : null, List.copyOf(channels), ports, unicastAddress,
                    List.copyOf(interfaces), counters, epoll);
        } catch (IOException | RuntimeException e) {
            channels.forEach(c -> c.close().awaitUninterruptibly());
            if (external == null) {
                group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
            }
            throw e;
        }
    }

    private static Bootstrap bootstrap(EventLoopGroup group, boolean epoll, DhcpTransportConfig config,
            ChannelHandler handler) {
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channelFactory(() -> epoll ? new EpollDatagramChannel(SocketProtocolFamily.INET)
                        : new NioDatagramChannel(SocketProtocolFamily.INET))
                .option(ChannelOption.SO_BROADCAST, true)
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(handler);
        if (epoll) {
            // recvmmsg: up to 16 datagrams per system call under load (DHCP messages fit in 1500 bytes); Netty
            // splits its read buffer into payload-sized slots, so the buffer must hold all 16
            bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, DATAGRAM_SLOT)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(DATAGRAM_SLOT * DATAGRAMS_PER_READ));
        }
        if (config.receiveBufferBytes() > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, config.receiveBufferBytes());
        }
        return bootstrap;
    }

    private static Channel bind(Bootstrap bootstrap, InetSocketAddress address, String what) throws IOException {
        ChannelFuture future = bootstrap.bind(address).awaitUninterruptibly();
        if (!future.isSuccess()) {
            throw new IOException("cannot bind the DHCP " + what + " to " + address + ": " + future.cause(),
                    future.cause());
        }
        Channel channel = future.channel();
        // what Netty sets up on a channel's first read, set up now: code that the JIT warm-up compiled on
        // another channel would otherwise be deoptimized by that first-use branch when real traffic arrives
        channel.eventLoop().submit(() -> {
            channel.unsafe().recvBufAllocHandle();
            channel.localAddress();
        }).awaitUninterruptibly();
        return channel;
    }

    private static ListenerInterface describe(String name) throws IOException {
        NetworkInterface ni = NetworkInterface.getByName(name);
        if (ni == null) {
            throw new IOException("no network interface named " + name);
        }
        Optional<Ipv4Address> address = ni.inetAddresses().filter(a -> a instanceof Inet4Address)
                .map(Ipv4Address::of).findFirst();
        return new ListenerInterface(name, ni.getIndex(), address);
    }

    private static ByteBuffer deviceName(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > 15) {
            throw new IllegalArgumentException("interface name longer than 15 characters: " + name);
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(16);
        buffer.put(bytes).position(0);
        return buffer;
    }

    /** The ports in use: the server port (the real one after binding port 0) and port + 1. */
    public DhcpPorts ports() {
        return ports;
    }

    public InetSocketAddress unicastAddress() {
        return unicastAddress;
    }

    public List<ListenerInterface> interfaces() {
        return interfaces;
    }

    public DhcpCounters counters() {
        return counters;
    }

    public boolean usesEpoll() {
        return epoll;
    }

    @Override
    public void close() {
        channels.forEach(c -> c.close().awaitUninterruptibly());
        if (group != null) {
            group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
