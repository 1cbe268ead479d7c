package io.ironlease.server.dhcp;

import io.ironlease.server.alloc.ScopeParams;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds the server's replies (RFC 2131 table 3) from a decision's address, lease time and encoded
 * options: DHCPOFFER, DHCPACK, DHCPNAK, the DHCPACK to a DHCPINFORM and the BOOTREPLY to a BOOTP
 * request. Options: message type, server identifier, lease time and T1/T2, then the scope's options
 * the client asked for in its parameter request list (all of them when it sent none), the subnet mask
 * always, and relay agent information echoed last (RFC 3046 2.2); ordered by {@link OptionOrdering}.
 */
public final class ReplyFactory {

    /** What a reply says beyond the message type. */
    public record Lease(Ipv4Address address, long leaseSeconds, ScopeParams params, EncodedOptions options) {
    }

    private ReplyFactory() {
    }

    /** DHCPOFFER or DHCPACK of a lease (or a fixed address). */
    public static DhcpPacket grant(DhcpPacket request, MessageType type, Ipv4Address serverId, Lease lease) {
        ReplyOptions options = new ReplyOptions().messageType(type).address(OptionCodes.SERVER_IDENTIFIER, serverId);
        long seconds = lease.leaseSeconds();
        options.uint32(OptionCodes.LEASE_TIME, Math.min(seconds, ScopeParams.INFINITE));
        List<Integer> prl = request.options().parameterRequestList();
        boolean finite = seconds < ScopeParams.INFINITE;
        timer(options, prl, lease.options(), OptionCodes.RENEWAL_TIME, finite ? seconds / 2 : -1);
        timer(options, prl, lease.options(), OptionCodes.REBINDING_TIME, finite ? seconds * 7 / 8 : -1);
        scopeOptions(options, prl, lease.options());
        echoAgent(options, request);
        Ipv4Address ciaddr = type == MessageType.DHCPACK ? request.ciaddr() : Ipv4Address.ANY;
        return header(request, lease).ciaddr(ciaddr).yiaddr(lease.address())
                .options(options.ordered(prl)).build();
    }

    /** The BOOTREPLY to a BOOTP request: no DHCP options of its own, the scope's options as fit. */
    public static DhcpPacket bootReply(DhcpPacket request, Lease lease) {
        ReplyOptions options = new ReplyOptions();
        scopeOptions(options, List.of(), lease.options());
        echoAgent(options, request);
        return header(request, lease).yiaddr(lease.address()).options(options.ordered(List.of())).build();
    }

    /** DHCPNAK (RFC 2131 4.3.2): message type, server identifier, a message; the routing sets the broadcast bit. */
    public static DhcpPacket nak(DhcpPacket request, Ipv4Address serverId, String message) {
        ReplyOptions options = new ReplyOptions().messageType(MessageType.DHCPNAK)
                .address(OptionCodes.SERVER_IDENTIFIER, serverId).put(OptionCodes.MESSAGE, ascii(message));
        echoAgent(options, request);
        return DhcpPacket.replyTo(request).options(options.ordered(List.of())).build();
    }

    /** DHCPACK to DHCPINFORM (RFC 2131 4.3.5): configuration only, no lease time, no yiaddr. */
    public static DhcpPacket informAck(DhcpPacket request, Ipv4Address serverId, EncodedOptions scope) {
        ReplyOptions options = new ReplyOptions().messageType(MessageType.DHCPACK)
                .address(OptionCodes.SERVER_IDENTIFIER, serverId);
        List<Integer> prl = request.options().parameterRequestList();
        scopeOptions(options, prl, scope);
        echoAgent(options, request);
        return DhcpPacket.replyTo(request).ciaddr(request.ciaddr()).options(options.ordered(prl)).build();
    }

    private static DhcpPacket.Builder header(DhcpPacket request, Lease lease) {
        ScopeParams p = lease.params();
        return DhcpPacket.replyTo(request)
                .siaddr(p.nextServer().flatMap(h -> h.address()).orElse(Ipv4Address.ANY))
                .sname(p.serverName().filter(s -> s.length() < DhcpPacket.SNAME_LENGTH).orElse(""))
                .file(p.filename().filter(s -> s.length() < DhcpPacket.FILE_LENGTH).orElse(""));
    }

    private static void timer(ReplyOptions options, List<Integer> prl, EncodedOptions scope, int code,
            long computed) {
        DhcpOption configured = scope.get(code);
        if (configured != null) {
            options.put(configured);
        } else if (computed >= 0 && prl.contains(code)) {
            options.uint32(code, computed);
        }
    }

    private static void scopeOptions(ReplyOptions options, List<Integer> prl, EncodedOptions scope) {
        for (DhcpOption option : scope.all()) {
            int code = option.code();
            if (code == OptionCodes.SERVER_IDENTIFIER || code == OptionCodes.RENEWAL_TIME
                    || code == OptionCodes.REBINDING_TIME) {
                continue;
            }
            if (prl.isEmpty() || code == OptionCodes.SUBNET_MASK || prl.contains(code)) {
                options.put(option);
            }
        }
    }

    private static void echoAgent(ReplyOptions options, DhcpPacket request) {
        DhcpOption agent = request.options().find(OptionCodes.RELAY_AGENT_INFORMATION);
        if (agent != null) {
            options.put(agent);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
