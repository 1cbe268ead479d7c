/**
 * The OMAPI objects of ironlease-server, served from the live lease engine: {@code lease},
 * {@code host}, {@code group}, {@code control}, {@code failover-state} and the listing extension
 * {@code ironlease-lease-query}, each an {@link io.ironlease.omapi.server.ObjectProvider} whose calls
 * run on the lease-engine thread; {@link io.ironlease.server.omapi.OmapiWiring} puts them behind an
 * {@link io.ironlease.omapi.server.OmapiServer} when the server starts. Every change is written to the
 * lease file as dhcpd writes it and the reply waits until it is fsynced.
 *
 * <p>The behaviour is dhcpd 4.4.3's as captured in shared/reference/omapi (OMAPI-NOTES sections 3-9):
 * attribute names, order and encodings, lookup keys and their order, statuses and their message
 * strings, handles numbered as dhcpd numbers them, {@code remote-handle} stored after an update, host
 * and group records. The captured omshell sessions replay byte for byte against this package
 * (CapturedSessionReplayIT) and the real omshell prints the same text (OmshellServerInteropIT).
 *
 * <p>Differences on purpose, each tested:
 * <ul>
 * <li>lease {@code client-hostname} UPDATE changes the name (null clears it); dhcpd answers success
 *     and changes nothing. {@code dhcp-client-identifier}, {@code hardware-address},
 *     {@code hardware-type}, {@code hostname}, {@code host}, {@code billing-class}, which dhcpd also
 *     accepts and ignores, are refused with 6 and a message saying why, unless they repeat the lease's
 *     own value; {@code tstp tsfp atsfp cltt flags}, which dhcpd would store as scope variables, are
 *     refused with 6. A lease {@code state} other than free (1) or abandoned (5) is 0x60003 (dhcpd
 *     forces the lease into it).</li>
 * <li>a lookup key matching several leases (a client with a released and an active lease) answers
 *     with the active one, or the latest; dhcpd 4.4 answers 0x60006 "multiple". Two active leases of
 *     one client are still 0x60006.</li>
 * <li>failover-state {@code partner-address} and {@code local-address} are the configured addresses,
 *     4 bytes; dhcpd 4.4.3 sends 8 bytes of a heap pointer. An UPDATE of any attribute but
 *     {@code local-state} is refused with 6 unless it repeats the current value (dhcpd: success, no
 *     change, e.g. {@code mclt}).</li>
 * <li>control {@code state = 2} is answered (result 0) once the lease file is durable, then the server
 *     stops as on SIGTERM; dhcpd sends nothing and drops the connection about 11 s later.</li>
 * <li>statements of a host or group are taken when they are literal option and parameter settings
 *     (written {@code supersede NAME = VALUE;} as dhcpd writes them); blocks, expressions and host names
 *     are refused with 0x60008 "bad parse".</li>
 * </ul>
 *
 * <p>Until the failover runtime is wired into the server, {@code failover-state} comes from
 * {@link io.ironlease.server.omapi.ConfiguredFailoverStates} (dhcpd.conf and the lease file's state
 * record); {@link io.ironlease.server.omapi.RuntimeFailoverStates} adapts the runtime and is what the
 * failover integration passes to {@link io.ironlease.server.omapi.OmapiWiring#start}.
 */
package io.ironlease.server.omapi;
