package io.ironlease.server.testclient;

import io.ironlease.server.dhcp.DhcpOptions;
import io.ironlease.server.dhcp.DhcpOptionsBuilder;
import io.ironlease.server.dhcp.DhcpPacket;
import io.ironlease.server.dhcp.MessageType;
import io.ironlease.server.dhcp.OptionCodes;
import io.ironlease.server.dhcp.OptionOrdering;
import io.ironlease.server.net.DhcpRequest;
import io.ironlease.server.net.DhcpRequestHandler;
import io.ironlease.shared.net.Ipv4Address;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny in-memory DHCP responder for testing the transport and the test clients: one address per
 * client (by client identifier, else chaddr) from a fixed range, OFFER/ACK/NAK as RFC 2131 says, silent
 * for REQUESTs naming another server. Not the engine: no lease expiry, no persistence, no config.
 */
public final class FakeDhcpResponder implements DhcpRequestHandler {

    private final Ipv4Address serverId;
    private final Ipv4Address first;
    private final int size;
    private final long leaseSeconds;
    private final Ipv4Address mask;
    private final Map<String, Ipv4Address> bindings = new HashMap<>();
    private final Set<Ipv4Address> used = new HashSet<>();
    private final AtomicLong acks = new AtomicLong();
    private final AtomicLong naks = new AtomicLong();
    private int next;

    public FakeDhcpResponder(Ipv4Address serverId, Ipv4Address first, int size, long leaseSeconds, Ipv4Address mask) {
        this.serverId = serverId;
        this.first = first;
        this.size = size;
        this.leaseSeconds = leaseSeconds;
        this.mask = mask;
    }

    public long acks() {
        return acks.get();
    }

    public long naks() {
        return naks.get();
    }

    public synchronized int bindings() {
        return bindings.size();
    }

    @Override
    public CompletionStage<List<DhcpPacket>> handle(DhcpRequest request) {
        return CompletableFuture.completedFuture(answer(request.packet()));
    }

    private synchronized List<DhcpPacket> answer(DhcpPacket request) {
        MessageType type = request.messageType().orElse(null);
        if (type == null) {
            return List.of();
        }
        String key = request.options().clientIdentifier().map(FakeDhcpResponder::hex)
                .orElse(request.chaddr().toString());
        switch (type) {
            case DHCPDISCOVER -> {
                Ipv4Address address = bindings.computeIfAbsent(key, k -> allocate());
                return address == null ? List.of() : List.of(reply(request, MessageType.DHCPOFFER, address));
            }
            case DHCPREQUEST -> {
                if (request.options().serverIdentifier().filter(id -> !id.equals(serverId)).isPresent()) {
                    return List.of();   // RFC 2131 4.3.2: meant for another server
                }
                Ipv4Address wanted = request.ciaddr().isAny()
                        ? request.options().requestedAddress().orElse(Ipv4Address.ANY) : request.ciaddr();
                if (wanted.equals(bindings.get(key))) {
                    acks.incrementAndGet();
                    return List.of(reply(request, MessageType.DHCPACK, wanted));
                }
                naks.incrementAndGet();
                DhcpOptions nak = DhcpOptions.builder().messageType(MessageType.DHCPNAK).serverIdentifier(serverId)
                        .message("requested address not available").build();
                return List.of(DhcpPacket.replyTo(request).options(echoAgent(request, nak.toBuilder())).build());
            }
            case DHCPINFORM -> {
                return List.of(reply(request, MessageType.DHCPACK, Ipv4Address.ANY));
            }
            case DHCPRELEASE -> {
                bindings.remove(key);
                return List.of();
            }
            case DHCPDECLINE -> {
                bindings.remove(key);   // the address stays in used: never handed out again
                return List.of();
            }
            default -> {
                return List.of();
            }
        }
    }

    private Ipv4Address allocate() {
        while (next < size) {
            Ipv4Address candidate = first.plus(next++);
            if (used.add(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private DhcpPacket reply(DhcpPacket request, MessageType type, Ipv4Address address) {
        DhcpOptionsBuilder options = DhcpOptions.builder().messageType(type).serverIdentifier(serverId)
                .address(OptionCodes.SUBNET_MASK, mask).address(OptionCodes.ROUTERS, first.plus(-1));
        if (type == MessageType.DHCPOFFER || request.messageType().orElse(null) != MessageType.DHCPINFORM) {
            options.leaseTime(leaseSeconds).renewalTime(leaseSeconds / 2).rebindingTime(leaseSeconds * 7 / 8);
        }
        DhcpOptions ordered = OptionOrdering.orderForReply(request.options().parameterRequestList(),
                echoAgent(request, options));
        return DhcpPacket.replyTo(request).yiaddr(address).ciaddr(request.ciaddr()).options(ordered).build();
    }

    private static DhcpOptions echoAgent(DhcpPacket request, DhcpOptionsBuilder options) {
        request.options().option(OptionCodes.RELAY_AGENT_INFORMATION).ifPresent(options::put);
        return options.build();
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
