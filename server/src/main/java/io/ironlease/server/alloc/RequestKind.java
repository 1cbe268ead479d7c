package io.ironlease.server.alloc;

/** What a client is doing, from the message type and the fields RFC 2131 4.3.2 distinguishes by. */
public enum RequestKind {
    /** DHCPDISCOVER: wants an offer. */
    DISCOVER,
    /** DHCPREQUEST answering an OFFER: server identifier and requested address set. */
    SELECTING,
    /** DHCPREQUEST after a reboot: requested address, no server identifier, no ciaddr. */
    INIT_REBOOT,
    /** DHCPREQUEST by unicast to extend a lease: ciaddr set. */
    RENEWING,
    /** DHCPREQUEST by broadcast to extend a lease: ciaddr set. */
    REBINDING,
    /** A BOOTP request (RFC 951): no message type; answered at once, no offer. */
    BOOTP
}
