/**
 * DHCPv4 on the wire and RFC 2131 message handling: the pure packet codec ({@link
 * io.ironlease.server.dhcp.DhcpCodec}, {@link io.ironlease.server.dhcp.DhcpPacket}, {@link
 * io.ironlease.server.dhcp.ReplyRouting}) and the server's request handler ({@link
 * io.ironlease.server.dhcp.DhcpServerEngine} over {@link io.ironlease.server.dhcp.DhcpMessageProcessor}),
 * with option encoding per scope, class matching, server identity and the background DNS cache.
 */
package io.ironlease.server.dhcp;
