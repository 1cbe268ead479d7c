package io.ironlease.server.testclient;

import io.ironlease.server.dhcp.MessageType;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One DHCPACK the test client received: enough to check after a crash or a failover that every
 * acknowledged address is still bound to the same client.
 *
 * @param requestType what it answered: DHCPREQUEST (a lease), DHCPINFORM (configuration only) or, for an
 *        offer, DHCPDISCOVER
 */
public record AckRecord(int xid, HardwareAddress chaddr, Ipv4Address yiaddr, OptionalLong leaseTime,
        Optional<Ipv4Address> serverId, MessageType requestType, Instant receivedAt) {
}
