package io.ironlease.server.dhcp;

import io.ironlease.server.alloc.AllocationEngine;
import io.ironlease.server.alloc.ClientId;
import io.ironlease.server.alloc.ClientRequest;
import io.ironlease.server.alloc.Decision;
import io.ironlease.server.alloc.LeaseChange;
import io.ironlease.server.alloc.RequestKind;
import io.ironlease.server.alloc.ScopeStack;
import io.ironlease.server.alloc.SubnetPlan;
import io.ironlease.server.net.DhcpRequest;
import io.ironlease.shared.config.model.Scope;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 2131 message handling on the lease-engine thread: turns one decoded request into an
 * {@link Outcome} by asking the {@link AllocationEngine} and building replies. No I/O and no waiting;
 * the caller makes changes durable, probes, and sends. Per-packet log lines are at DEBUG and start
 * with their event name (LEASE_OFFER, LEASE_ACK, LEASE_NAK, LEASE_RELEASE, LEASE_DECLINE, DHCP_IGNORE).
 */
public final class DhcpMessageProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(DhcpMessageProcessor.class);
    /** Addresses that answer a ping are abandoned and another is tried, this many times. */
    static final int MAX_PROBE_ATTEMPTS = 3;

    private final AllocationEngine alloc;
    private final NetworkLocator locator;
    private final ServerIdentity identity;
    private final OptionSets optionSets;
    private final ClientClassifier classifier;
    private final EngineCounters counters;
    private final boolean pingEnabled;
    private final io.ironlease.server.net.RateLimitedLog warnings;

    public DhcpMessageProcessor(AllocationEngine alloc, ServerIdentity identity, OptionSets optionSets,
            ClientClassifier classifier, EngineCounters counters, boolean pingEnabled,
            io.ironlease.server.net.RateLimitedLog warnings) {
        this.alloc = alloc;
        this.locator = new NetworkLocator(alloc.plan());
        this.identity = identity;
        this.optionSets = optionSets;
        this.classifier = classifier;
        this.counters = counters;
        this.pingEnabled = pingEnabled;
        this.warnings = warnings;
    }

    public AllocationEngine allocation() {
        return alloc;
    }

    /** Handles a request; {@code now} is epoch seconds from the injected clock. */
    public Outcome process(DhcpRequest request, long now) {
        return process(request, now, 0);
    }

    /** Handles a request again after its offer's address answered {@code attempt} pings. */
    Outcome process(DhcpRequest request, long now, int attempt) {
        DhcpPacket p = request.packet();
        Optional<SubnetPlan> link = locator.locate(p, request.info());
        if (link.isEmpty()) {
            return ignore(p, "unknown network segment (no subnet for " + via(p, request) + ")");
        }
        if (p.isBootp()) {
            return bootp(request, link.get(), now);
        }
        Optional<MessageType> type = p.messageType();
        if (type.isEmpty()) {
            return ignore(p, "unknown message type");
        }
        return switch (type.get()) {
            case DHCPDISCOVER -> discover(request, link.get(), now, attempt);
            case DHCPREQUEST -> request(request, link.get(), now);
            case DHCPDECLINE -> decline(request, now);
            case DHCPRELEASE -> release(request, now);
            case DHCPINFORM -> inform(request, link.get());
            default -> ignore(p, "not a client message: " + type.get());
        };
    }

    private ClientRequest clientRequest(DhcpPacket p, RequestKind kind, SubnetPlan link, Optional<Ipv4Address> requested,
            List<String> classes) {
        return new ClientRequest(clientId(p), kind, link.network(), requested,
                p.options().leaseTime().orElse(-1), classes, p.options().hostName().orElse(null), p.secs());
    }

    static ClientId clientId(DhcpPacket p) {
        return ClientId.of(p.options().clientIdentifier().orElse(null), p.chaddr());
    }

    private Outcome discover(DhcpRequest request, SubnetPlan link, long now, int attempt) {
        DhcpPacket p = request.packet();
        ClientClassifier.Result classes = classifier.classify(p);
        ClientRequest cr = clientRequest(p, RequestKind.DISCOVER, link, p.options().requestedAddress(), classes.names());
        Decision d = alloc.offer(cr, classes.scopes(), now);
        if (d instanceof Decision.Refusal r) {
            if (r.reason().startsWith("no free leases")) {
                counters.exhausted.increment();
                warnings.warn("POOL_EXHAUSTED", () -> "DHCPDISCOVER from " + cr.client() + ": " + r.reason());
            }
            return ignore(p, r.reason());
        }
        Decision.Grant g = (Decision.Grant) d;
        ReplyFactory.Lease lease = lease(g, classes);
        DhcpPacket offer = ReplyFactory.grant(p, MessageType.DHCPOFFER, serverId(request, lease), lease);
        counters.offers.increment();
        if (LOG.isDebugEnabled()) {
            LOG.debug("LEASE_OFFER {} to {} via {}", g.address(), cr.client(), via(p, request));
        }
        if (pingEnabled && g.fresh() && g.scopes().params().pingCheck() && attempt < MAX_PROBE_ATTEMPTS) {
            return new Outcome.Probe(g.address(), g.scopes().params().pingTimeout(), request, attempt, offer);
        }
        return new Outcome.Send(List.of(offer));
    }

    /** ping-check found {@code address} in use: abandon it (durably) and offer another. */
    Outcome probeAnswered(DhcpRequest request, Ipv4Address address, long now, int attempt, List<LeaseChange> sink) {
        counters.pingConflicts.increment();
        LOG.warn("LEASE_PING_CONFLICT {} answers a ping; abandoning it (ping-check)", address);
        sink.addAll(alloc.abandonConflict(address, now));
        return process(request, now, attempt + 1);
    }

    private Outcome request(DhcpRequest request, SubnetPlan link, long now) {
        DhcpPacket p = request.packet();
        ClientId client = clientId(p);
        Optional<Ipv4Address> serverId = p.options().serverIdentifier();
        Optional<Ipv4Address> option50 = p.options().requestedAddress();
        RequestKind kind;
        Optional<Ipv4Address> requested;
        if (serverId.isPresent()) {
            if (!identity.isOurs(serverId.get())) {
                // RFC 2131 3.1, 4.3.2: the client chose another server; let our offer go
                alloc.withdrawOffer(client);
                return ignore(p, "DHCPREQUEST for server " + serverId.get() + ", not us");
            }
            kind = RequestKind.SELECTING;
            requested = option50.isPresent() ? option50 : nonZero(p.ciaddr());
        } else if (option50.isPresent() && p.ciaddr().isAny()) {
            kind = RequestKind.INIT_REBOOT;
            requested = option50;
        } else if (!p.ciaddr().isAny()) {
            // RFC 2131 4.3.2: RENEWING is unicast by the client itself; a relayed one was broadcast (REBINDING)
            kind = p.broadcast() || p.relayed() || isBroadcast(request.info().local()) ? RequestKind.REBINDING
                    : RequestKind.RENEWING;
            requested = Optional.of(p.ciaddr());
        } else {
            return ignore(p, "DHCPREQUEST without requested address or ciaddr");
        }
        ClientClassifier.Result classes = classifier.classify(p);
        ClientRequest cr = clientRequest(p, kind, link, requested, classes.names());
        Decision d = alloc.bind(cr, classes.scopes(), kind == RequestKind.SELECTING, now);
        if (d instanceof Decision.Refusal r) {
            if (!r.nak()) {
                return ignore(p, r.reason());
            }
            counters.naks.increment();
            if (LOG.isDebugEnabled()) {
                LOG.debug("LEASE_NAK {} to {} via {}: {}", requested.get(), client, via(p, request), r.reason());
            }
            Ipv4Address sid = identity.forRequest(request.info(), Optional.empty());
            return new Outcome.Send(List.of(ReplyFactory.nak(p, sid, "requested address not available")));
        }
        Decision.Grant g = (Decision.Grant) d;
        ReplyFactory.Lease lease = lease(g, classes);
        DhcpPacket ack = ReplyFactory.grant(p, MessageType.DHCPACK, serverId(request, lease), lease);
        counters.acks.increment();
        if (LOG.isDebugEnabled()) {
            LOG.debug("LEASE_ACK {} to {} ({}) via {} for {} s", g.address(), client, kind, via(p, request),
                    g.leaseSeconds());
        }
        return g.changes().isEmpty() ? new Outcome.Send(List.of(ack)) : new Outcome.Commit(List.of(ack), g.changes());
    }

    private Outcome bootp(DhcpRequest request, SubnetPlan link, long now) {
        DhcpPacket p = request.packet();
        ClientClassifier.Result classes = classifier.classify(p);
        ClientRequest cr = clientRequest(p, RequestKind.BOOTP, link, Optional.empty(), classes.names());
        Decision d = alloc.bind(cr, classes.scopes(), false, now);
        if (!(d instanceof Decision.Grant g)) {
            return ignore(p, "BOOTP: " + ((Decision.Refusal) d).reason());
        }
        DhcpPacket reply = ReplyFactory.bootReply(p, lease(g, classes));
        counters.acks.increment();
        if (LOG.isDebugEnabled()) {
            LOG.debug("LEASE_ACK {} to {} (BOOTP) via {}", g.address(), cr.client(), via(p, request));
        }
        return g.changes().isEmpty() ? new Outcome.Send(List.of(reply)) : new Outcome.Commit(List.of(reply), g.changes());
    }

    private Outcome decline(DhcpRequest request, long now) {
        DhcpPacket p = request.packet();
        Optional<Ipv4Address> serverId = p.options().serverIdentifier();
        Optional<Ipv4Address> address = p.options().requestedAddress();
        if (serverId.isPresent() && !identity.isOurs(serverId.get()) || address.isEmpty()) {
            return ignore(p, "DHCPDECLINE not for us or without an address");
        }
        List<LeaseChange> changes = alloc.decline(clientId(p), address.get(), now);
        if (changes.isEmpty()) {
            return ignore(p, "DHCPDECLINE of " + address.get() + ": not this client's");
        }
        counters.declines.increment();
        LOG.info("LEASE_DECLINE {} by {} via {}: abandoned", address.get(), clientId(p), via(p, request));
        return new Outcome.Commit(List.of(), changes);
    }

    private Outcome release(DhcpRequest request, long now) {
        DhcpPacket p = request.packet();
        Optional<Ipv4Address> serverId = p.options().serverIdentifier();
        if (serverId.isPresent() && !identity.isOurs(serverId.get())) {
            return ignore(p, "DHCPRELEASE for server " + serverId.get());
        }
        List<LeaseChange> changes = alloc.release(clientId(p), p.ciaddr(), now);
        if (changes.isEmpty()) {
            return ignore(p, "DHCPRELEASE of " + p.ciaddr() + ": no active lease of this client");
        }
        counters.releases.increment();
        if (LOG.isDebugEnabled()) {
            LOG.debug("LEASE_RELEASE {} by {} via {}", p.ciaddr(), clientId(p), via(p, request));
        }
        return new Outcome.Commit(List.of(), changes);
    }

    private Outcome inform(DhcpRequest request, SubnetPlan link) {
        DhcpPacket p = request.packet();
        SubnetPlan subnet = p.ciaddr().isAny() ? link : alloc.plan().subnetFor(p.ciaddr()).orElse(null);
        if (subnet == null) {
            return ignore(p, "DHCPINFORM from " + p.ciaddr() + ": unknown subnet");
        }
        ClientClassifier.Result classes = classifier.classify(p);
        List<io.ironlease.server.alloc.HostEntry> hosts = alloc.hostsFor(clientId(p));
        var host = hosts.isEmpty() ? null : hosts.get(0);
        ScopeStack scopes = alloc.scopes(subnet, null, host, classes.scopes());
        boolean cacheable = host == null && classes.scopes().isEmpty();
        EncodedOptions options = optionSets.options(scopes, subnet, cacheable);
        Ipv4Address sid = identity.forRequest(request.info(), configuredServerId(scopes, options));
        counters.informs.increment();
        if (LOG.isDebugEnabled()) {
            LOG.debug("LEASE_INFORM {} from {} via {}", p.ciaddr(), clientId(p), via(p, request));
        }
        return new Outcome.Send(List.of(ReplyFactory.informAck(p, sid, options)));
    }

    private ReplyFactory.Lease lease(Decision.Grant g, ClientClassifier.Result classes) {
        boolean cacheable = g.host().isEmpty() && classes.scopes().isEmpty();
        EncodedOptions options = optionSets.options(g.scopes(), g.subnet(), cacheable);
        return new ReplyFactory.Lease(g.address(), g.leaseSeconds(), g.scopes().params(), options);
    }

    private Ipv4Address serverId(DhcpRequest request, ReplyFactory.Lease lease) {
        return identity.forRequest(request.info(), configuredServerId(null, lease.options())
                .or(() -> lease.params().serverIdentifier().flatMap(h -> h.address())));
    }

    private static Optional<Ipv4Address> configuredServerId(ScopeStack scopes, EncodedOptions options) {
        DhcpOption configured = options.get(OptionCodes.SERVER_IDENTIFIER);
        if (configured != null && configured.length() == 4) {
            return Optional.of(Ipv4Address.fromBytes(configured.value()));
        }
        return scopes == null ? Optional.empty() : scopes.params().serverIdentifier().flatMap(h -> h.address());
    }

    private Outcome ignore(DhcpPacket p, String reason) {
        counters.ignored.increment();
        if (LOG.isDebugEnabled()) {
            LOG.debug("DHCP_IGNORE {} xid {} from {}: {}", p.messageType().map(Enum::name).orElse("BOOTP"),
                    Integer.toHexString(p.xid()), p.chaddr(), reason);
        }
        return Outcome.SILENT;
    }

    private static Optional<Ipv4Address> nonZero(Ipv4Address a) {
        return a.isAny() ? Optional.empty() : Optional.of(a);
    }

    private static boolean isBroadcast(InetSocketAddress local) {
        return local != null && local.getAddress() != null && local.getAddress().getAddress().length == 4
                && Ipv4Address.of(local.getAddress()).equals(Ipv4Address.BROADCAST);
    }

    private static String via(DhcpPacket p, DhcpRequest request) {
        if (p.relayed()) {
            return p.giaddr().toString();
        }
        return request.info().iface().map(i -> i.name()).orElse(String.valueOf(request.info().source()));
    }
}
