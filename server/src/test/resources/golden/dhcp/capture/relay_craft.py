#!/usr/bin/env python3
"""Crafted relay-agent packets for the golden capture (see capture.sh).

Runs in the client namespace, bound to the relay address 10.78.0.1:67, and
sends to ISC dhcpd at 10.79.0.1:67: a DISCOVER and a REQUEST carrying relay
agent information (option 82) and a 576-byte maximum message size, an INFORM
with ciaddr, an INIT-REBOOT REQUEST for an address on another subnet (NAK), a
RELEASE and a DECLINE.  Only the requests are ours; the answers are ISC's.
"""
import socket, struct, sys

SERVER = ("10.79.0.1", 67)
GIADDR = "10.78.0.1"
MAGIC = b"\x63\x82\x53\x63"
MAC = bytes.fromhex("020000780001")


def opt(code, value):
    return bytes([code, len(value)]) + value


def packet(msgtype, xid, ciaddr="0.0.0.0", extra=b"", flags=0):
    hdr = struct.pack("!BBBBIHH4s4s4s4s16s64s128s", 1, 1, 6, 1, xid, 0, flags,
                      socket.inet_aton(ciaddr), b"\0" * 4, b"\0" * 4,
                      socket.inet_aton(GIADDR), MAC + b"\0" * 10, b"", b"")
    return hdr + MAGIC + opt(53, bytes([msgtype])) + extra


AGENT = opt(82, opt(1, b"ge-0/0/1.100") + opt(2, bytes.fromhex("0011223344ff")))
CLIENT_ID = opt(61, b"\x01" + MAC)
PRL = opt(55, bytes([1, 3, 6, 15, 119, 28, 51, 58, 59]))


def exchange(sock, data, want_reply=True):
    sock.sendto(data, SERVER)
    if not want_reply:
        return None
    try:
        reply, _ = sock.recvfrom(4096)
        return reply
    except socket.timeout:
        print("no reply", file=sys.stderr)
        return None


def main():
    relay = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    relay.bind((GIADDR, 67))
    relay.settimeout(3)
    offer = exchange(relay, packet(1, 0x0A0B0C01, extra=CLIENT_ID + opt(57, struct.pack("!H", 576))
                                   + PRL + AGENT + b"\xff"))
    yiaddr = socket.inet_ntoa(offer[16:20]) if offer else "10.78.0.100"
    request = packet(3, 0x0A0B0C01, extra=CLIENT_ID + opt(57, struct.pack("!H", 576))
                     + opt(50, socket.inet_aton(yiaddr)) + opt(54, socket.inet_aton(SERVER[0]))
                     + PRL + AGENT + b"\xff")
    exchange(relay, request)
    # INFORM from a configured client behind the relay: ISC answers to ciaddr:68
    client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    client.bind(("0.0.0.0", 68))
    client.settimeout(3)
    relay.sendto(packet(8, 0x0A0B0C02, ciaddr="10.78.0.55",
                        extra=opt(55, bytes([1, 3, 6, 15])) + b"\xff"), SERVER)
    try:
        client.recvfrom(4096)
    except socket.timeout:
        print("no ACK to INFORM", file=sys.stderr)
    # INIT-REBOOT for an address of another subnet: the authoritative server NAKs
    exchange(relay, packet(3, 0x0A0B0C03, extra=CLIENT_ID + opt(50, socket.inet_aton("10.77.0.120"))
                           + b"\xff"))
    exchange(relay, packet(7, 0x0A0B0C04, ciaddr=yiaddr,
                           extra=CLIENT_ID + opt(54, socket.inet_aton(SERVER[0])) + b"\xff"), False)
    exchange(relay, packet(4, 0x0A0B0C05, extra=CLIENT_ID + opt(50, socket.inet_aton("10.78.0.199"))
                           + opt(54, socket.inet_aton(SERVER[0])) + b"\xff"), False)


if __name__ == "__main__":
    main()
