package io.ironlease.shared.options;

import java.util.ArrayList;
import java.util.List;

/**
 * The standard option table of ISC dhcpd 4.4 (common/tables.c and server/stables.c; names and types
 * as {@code man dhcp-options} documents them), written as data in ISC's format notation:
 * {@code code name format}. One table drives config parsing, the wire codec and printing.
 */
final class StandardOptions {

    private StandardOptions() {
    }

    /** RFC 2132 and later DHCPv4 options that ISC dhcpd 4.4.3 knows by name. */
    private static final String DHCP = """
            1 subnet-mask I
            2 time-offset l
            3 routers IA
            4 time-servers IA
            5 ien116-name-servers IA
            6 domain-name-servers IA
            7 log-servers IA
            8 cookie-servers IA
            9 lpr-servers IA
            10 impress-servers IA
            11 resource-location-servers IA
            12 host-name t
            13 boot-size S
            14 merit-dump t
            15 domain-name t
            16 swap-server I
            17 root-path t
            18 extensions-path t
            19 ip-forwarding f
            20 non-local-source-routing f
            21 policy-filter IIA
            22 max-dgram-reassembly S
            23 default-ip-ttl B
            24 path-mtu-aging-timeout L
            25 path-mtu-plateau-table SA
            26 interface-mtu S
            27 all-subnets-local f
            28 broadcast-address I
            29 perform-mask-discovery f
            30 mask-supplier f
            31 router-discovery f
            32 router-solicitation-address I
            33 static-routes IIA
            34 trailer-encapsulation f
            35 arp-cache-timeout L
            36 ieee802-3-encapsulation f
            37 default-tcp-ttl B
            38 tcp-keepalive-interval L
            39 tcp-keepalive-garbage f
            40 nis-domain t
            41 nis-servers IA
            42 ntp-servers IA
            43 vendor-encapsulated-options E.
            44 netbios-name-servers IA
            45 netbios-dd-server IA
            46 netbios-node-type B
            47 netbios-scope t
            48 font-servers IA
            49 x-display-manager IA
            50 dhcp-requested-address I
            51 dhcp-lease-time L
            52 dhcp-option-overload B
            53 dhcp-message-type B
            54 dhcp-server-identifier I
            55 dhcp-parameter-request-list BA
            56 dhcp-message t
            57 dhcp-max-message-size S
            58 dhcp-renewal-time L
            59 dhcp-rebinding-time L
            60 vendor-class-identifier X
            61 dhcp-client-identifier X
            62 nwip-domain t
            63 nwip-suboptions Enwip.
            64 nisplus-domain t
            65 nisplus-servers IA
            66 tftp-server-name t
            67 bootfile-name t
            68 mobile-ip-home-agent IA
            69 smtp-server IA
            70 pop-server IA
            71 nntp-server IA
            72 www-server IA
            73 finger-server IA
            74 irc-server IA
            75 streettalk-server IA
            76 streettalk-directory-assistance-server IA
            77 user-class t
            78 slp-directory-agent fIa
            79 slp-service-scope fto
            81 fqdn Efqdn.
            82 relay-agent-information Eagent.
            85 nds-servers IA
            86 nds-tree-name t
            87 nds-context t
            88 bcms-controller-names D
            89 bcms-controller-address Ia
            91 client-last-transaction-time L
            92 associated-ip Ia
            93 pxe-system-type Sa
            94 pxe-interface-id BBB
            97 pxe-client-id BX
            98 uap-servers t
            99 geoconf-civic X
            100 pcode t
            101 tcode t
            108 v6-only-preferred L
            112 netinfo-server-address Ia
            113 netinfo-server-tag t
            114 default-url t
            116 auto-config B
            117 name-service-search Sa
            118 subnet-selection I
            119 domain-search Dc
            124 vivco Evendor-class.
            125 vivso Evendor.
            136 pana-agent Ia
            137 v4-lost d
            138 capwap-ac-v4 Ia
            141 sip-ua-cs-domains Dc
            142 ipv4-address-andsf Ia
            146 rdnss-selection BIID
            150 tftp-server-address Ia
            159 v4-portparams BBS
            160 v4-captive-portal t
            212 option-6rd BB6Ia
            213 v4-access-domain d
            """;

    /** Relay agent information suboptions (RFC 3046, RFC 3527, RFC 8357). */
    private static final String AGENT = """
            1 circuit-id X
            2 remote-id X
            3 agent-id I
            4 DOCSIS-device-class L
            5 link-selection I
            19 relay-port Z
            """;

    /** ISC's virtual fields of the client FQDN option 81 (RFC 4702). */
    private static final String FQDN = """
            1 no-client-update f
            2 server-update f
            3 encoded f
            4 rcode1 B
            5 rcode2 B
            6 hostname t
            7 domainname t
            8 fqdn t
            """;

    /** NetWare/IP suboptions (RFC 2242). */
    private static final String NWIP = """
            5 nsq-broadcast f
            6 preferred-dss IA
            7 nearest-nwip-server IA
            8 autoretries B
            9 autoretry-secs B
            10 nwip-1-1 f
            11 primary-dss I
            """;

    /** dhcpd.conf parameters, which ISC keeps as options of the internal "server" space (stables.c). */
    private static final String SERVER = """
            1 default-lease-time T
            2 max-lease-time T
            3 min-lease-time T
            4 dynamic-bootp-lease-cutoff T
            5 dynamic-bootp-lease-length L
            6 boot-unknown-clients f
            7 dynamic-bootp f
            8 allow-bootp f
            9 allow-booting f
            10 one-lease-per-client f
            11 get-lease-hostnames f
            12 use-host-decl-names f
            13 use-lease-addr-for-default-route f
            14 min-secs B
            15 filename t
            16 server-name t
            17 next-server I
            18 authoritative f
            19 vendor-option-space U
            20 always-reply-rfc1048 f
            21 site-option-space X
            22 always-broadcast f
            23 ddns-domainname t
            24 ddns-hostname t
            25 ddns-rev-domainname t
            26 lease-file-name t
            27 pid-file-name t
            28 duplicates f
            29 declines f
            30 ddns-updates f
            31 omapi-port S
            32 local-port S
            33 limited-broadcast-address I
            34 remote-port S
            35 local-address I
            36 omapi-key d
            37 stash-agent-options f
            38 ddns-ttl T
            39 ddns-update-style Nddns-styles.
            40 client-updates f
            41 update-optimization f
            42 ping-check f
            43 update-static-leases f
            44 log-facility Nsyslog-facilities.
            45 do-forward-updates f
            46 ping-timeout T
            47 infinite-is-reserved f
            48 update-conflict-detection f
            49 leasequery f
            50 adaptive-lease-time-threshold B
            51 do-reverse-updates f
            52 fqdn-reply f
            53 preferred-lifetime T
            54 dhcpv6-lease-file-name t
            55 dhcpv6-pid-file-name t
            56 limit-addrs-per-ia L
            57 limit-prefs-per-ia L
            58 delayed-ack S
            59 max-ack-delay L
            78 dhcp-cache-threshold B
            79 dont-use-fsync f
            80 ddns-local-address4 I
            81 ddns-local-address6 6
            82 ignore-client-uids f
            83 log-threshold-low B
            84 log-threshold-high B
            85 echo-client-id f
            86 server-id-check f
            87 prefix-length-mode Nprefix_length_modes.
            88 dhcpv6-set-tee-times f
            89 abandon-lease-time T
            90 use-eui-64 f
            91 check-secs-byte-order f
            92 persist-eui-64-leases f
            93 ddns-dual-stack-mixed-mode f
            94 ddns-guard-id-must-match f
            95 ddns-other-guard-is-dynamic f
            96 release-on-roam f
            97 local-address6 6
            98 bind-local-address6 f
            99 ping-cltt-secs T
            100 ping-timeout-ms T
            """;

    static List<OptionSpace> spaces() {
        return List.of(new OptionSpace(OptionSpace.DHCP, 1, 1), new OptionSpace(OptionSpace.AGENT, 1, 1),
                new OptionSpace(OptionSpace.FQDN, 1, 1), new OptionSpace(OptionSpace.NWIP, 1, 1),
                new OptionSpace(OptionSpace.SERVER, 2, 2));
    }

    static List<OptionDefinition> definitions() {
        List<OptionDefinition> all = new ArrayList<>();
        read(OptionSpace.DHCP, DHCP, all);
        read(OptionSpace.AGENT, AGENT, all);
        read(OptionSpace.FQDN, FQDN, all);
        read(OptionSpace.NWIP, NWIP, all);
        read(OptionSpace.SERVER, SERVER, all);
        return all;
    }

    private static void read(String space, String table, List<OptionDefinition> into) {
        for (String line : table.strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            into.add(OptionDefinition.of(space, parts[1], Integer.parseInt(parts[0]), parts[2]));
        }
    }
}
