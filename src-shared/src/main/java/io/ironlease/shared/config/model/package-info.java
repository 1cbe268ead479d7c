/**
 * The validated dhcpd.conf model that the DHCP server, OMAPI and the pools analyzer build on:
 * {@link io.ironlease.shared.config.model.DhcpConfig} with scopes linked to their parents, shared
 * networks (implicit ones included), subnets, pools, ranges, hosts, classes, failover peers and keys.
 */
package io.ironlease.shared.config.model;
