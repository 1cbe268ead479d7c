/**
 * Failover messages on the wire (draft-ietf-dhc-failover-12 §6, §7, §12): one record per message
 * type, options typed where the type uses them and kept raw otherwise, and a pure codec checked
 * byte for byte against every message two ISC dhcpd 4.4.3 servers exchanged in the lab.
 */
package io.ironlease.server.failover.wire;
