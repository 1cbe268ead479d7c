package io.ironlease.server.dhcp;

import io.ironlease.server.alloc.AddressPlan;
import io.ironlease.server.alloc.SubnetPlan;
import io.ironlease.server.net.ReceiveInfo;
import io.ironlease.shared.net.Ipv4Address;
import java.util.Optional;

/**
 * Which configured subnet a request comes from (and so its shared network): for relayed requests the
 * relay's link selection sub-option (RFC 3527) or subnet selection option (RFC 3011) when present,
 * else giaddr; for direct ones the receiving interface's address, else ciaddr (a renewing client
 * reaching the unicast socket), else the address the request was sent to.
 */
public final class NetworkLocator {

    /** RFC 3011 subnet selection option. */
    static final int SUBNET_SELECTION = 118;

    private final AddressPlan plan;

    public NetworkLocator(AddressPlan plan) {
        this.plan = plan;
    }

    public Optional<SubnetPlan> locate(DhcpPacket packet, ReceiveInfo info) {
        if (packet.relayed()) {
            Optional<Ipv4Address> selected = packet.options().relayAgentInformation()
                    .flatMap(rai -> rai.subOption(RelayAgentInformation.LINK_SELECTION))
                    .filter(v -> v.length == 4).map(Ipv4Address::fromBytes)
                    .or(() -> packet.options().address(SUBNET_SELECTION));
            return plan.subnetFor(selected.orElse(packet.giaddr()));
        }
        if (info.iface().isPresent() && info.iface().get().address().isPresent()) {
            return plan.subnetFor(info.iface().get().address().get());
        }
        if (!packet.ciaddr().isAny()) {
            return plan.subnetFor(packet.ciaddr());
        }
        if (info.local() != null && info.local().getAddress() != null
                && info.local().getAddress().getAddress().length == 4) {
            Ipv4Address local = Ipv4Address.of(info.local().getAddress());
            if (!local.isAny() && !local.equals(Ipv4Address.BROADCAST)) {
                return plan.subnetFor(local);
            }
        }
        return Optional.empty();
    }
}
