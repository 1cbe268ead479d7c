package io.ironlease.server;

import io.ironlease.server.alloc.LeaseOwnershipPolicy;
import io.ironlease.server.dhcp.CachedHostResolver;
import io.ironlease.server.dhcp.Pinger;
import io.ironlease.server.store.JournalLeaseStore;
import io.ironlease.shared.config.model.DhcpConfig;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a {@link DhcpServer}: what ServerMain's flags say, plus what tests inject (clock,
 * resolver, pinger, store options, failover policy).
 *
 * @param listen     the unicast socket's address; empty: 0.0.0.0 (with interface sockets)
 * @param port       server port (0: ephemeral, relay mode only); clients are answered at port + 1
 * @param interfaces interfaces to listen on by broadcast; empty with {@code autoInterfaces}: every
 *                   interface with an address in a configured subnet
 * @param resolver   host names in the config; null: the system resolver, refreshed every 5 minutes
 * @param pinger     ping-check probes; null: ICMP
 * @param engineThread the lease engine on a thread of its own instead of the DHCP sockets' event loop
 *                   (the default: measured faster, see {@code EventLoopEngine})
 * @param warmup     JIT warm-up time before the sockets open (zero: none), see {@code JitWarmup}
 */
public record ServerSettings(DhcpConfig config, Path leaseFile, Optional<InetAddress> listen, int port,
        List<String> interfaces, boolean autoInterfaces, Clock clock, CachedHostResolver resolver, Pinger pinger,
        JournalLeaseStore.Options storeOptions, LeaseOwnershipPolicy policy, Duration tick, int eventLoopThreads,
        boolean engineThread, Duration warmup) {

    public ServerSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(leaseFile, "leaseFile");
        Objects.requireNonNull(listen, "listen");
        interfaces = List.copyOf(interfaces);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(storeOptions, "storeOptions");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(warmup, "warmup");
    }

    /** Relay mode on one address (tests, loopback demo): no interface sockets. */
    public static ServerSettings relay(DhcpConfig config, Path leaseFile, InetAddress listen, int port) {
        return new ServerSettings(config, leaseFile, Optional.of(listen), port, List.of(), false, Clock.systemUTC(),
                null, null, JournalLeaseStore.Options.defaults(), LeaseOwnershipPolicy.STANDALONE, Duration.ofSeconds(1),
                1, false, Duration.ZERO);
    }

    public ServerSettings withClock(Clock value) {
        return new ServerSettings(config, leaseFile, listen, port, interfaces, autoInterfaces, value, resolver, pinger,
                storeOptions.withClock(value), policy, tick, eventLoopThreads, engineThread, warmup);
    }

    public ServerSettings withResolver(CachedHostResolver value) {
        return new ServerSettings(config, leaseFile, listen, port, interfaces, autoInterfaces, clock, value, pinger,
                storeOptions, policy, tick, eventLoopThreads, engineThread, warmup);
    }

    public ServerSettings withPinger(Pinger value) {
        return new ServerSettings(config, leaseFile, listen, port, interfaces, autoInterfaces, clock, resolver, value,
                storeOptions, policy, tick, eventLoopThreads, engineThread, warmup);
    }

    public ServerSettings withStoreOptions(JournalLeaseStore.Options value) {
        return new ServerSettings(config, leaseFile, listen, port, interfaces, autoInterfaces, clock, resolver, pinger,
                value, policy, tick, eventLoopThreads, engineThread, warmup);
    }

    public ServerSettings withPolicy(LeaseOwnershipPolicy value) {
        return new ServerSettings(config, leaseFile, listen, port, interfaces, autoInterfaces, clock, resolver, pinger,
                storeOptions, value, tick, eventLoopThreads, engineThread, warmup);
    }

    public ServerSettings withEngineThread(boolean value) {
        return new ServerSettings(config, leaseFile, listen, port, interfaces, autoInterfaces, clock, resolver, pinger,
                storeOptions, policy, tick, eventLoopThreads, value, warmup);
    }

    public ServerSettings withWarmup(Duration value) {
        return new ServerSettings(config, leaseFile, listen, port, interfaces, autoInterfaces, clock, resolver, pinger,
                storeOptions, policy, tick, eventLoopThreads, engineThread, value);
    }

    public ServerSettings withEventLoopThreads(int value) {
        return new ServerSettings(config, leaseFile, listen, port, interfaces, autoInterfaces, clock, resolver, pinger,
                storeOptions, policy, tick, value, engineThread, warmup);
    }

    public ServerSettings withInterfaces(List<String> names, boolean auto) {
        return new ServerSettings(config, leaseFile, listen, port, names, auto, clock, resolver, pinger, storeOptions,
                policy, tick, eventLoopThreads, engineThread, warmup);
    }
}
