package io.ironlease.server.net;

import io.ironlease.server.dhcp.DhcpPacket;

/** A decoded BOOTREQUEST and how it arrived: what the transport hands to the engine. */
public record DhcpRequest(DhcpPacket packet, ReceiveInfo info) {
}
