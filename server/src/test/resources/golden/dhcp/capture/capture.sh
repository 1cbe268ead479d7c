#!/bin/bash
# Captures the golden DHCP vectors: ISC dhcpd 4.4.3 answering ISC dhclient
# (direct, broadcast), perfdhcp (relayed) and crafted relay packets
# (relay_craft.py), all inside two network namespaces created and removed here.
# Needs root, dhcpd, dhclient, perfdhcp, dumpcap/tshark, python3.
#   ./capture.sh OUTDIR        -> OUTDIR/golden.pcap
# Topology:  ns il-gsrv  eth0 10.77.0.1/24  <-veth->  ns il-gcli eth0 (dhclient, no address)
#                        eth1 10.79.0.1/24  <-veth->            eth1 10.79.0.2/24 + relay 10.78.0.1
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(mkdir -p "$1" && cd "$1" && pwd)
S=il-gsrv C=il-gcli
WORK=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 0.5
  ip netns del $S 2>/dev/null || true
  ip netns del $C 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
ip netns add $S; ip netns add $C
ip -n $S link set lo up; ip -n $C link set lo up
ip -n $S link add eth0 type veth peer name eth0 netns $C
ip -n $S link add eth1 type veth peer name eth1 netns $C
ip -n $C link set eth0 address 02:00:00:77:00:01
ip -n $S addr add 10.77.0.1/24 dev eth0
ip -n $S addr add 10.79.0.1/24 dev eth1
ip -n $C addr add 10.79.0.2/24 dev eth1
ip -n $C addr add 10.78.0.1/24 dev eth1   # perfdhcp sends nothing when its -l address is on lo
ip -n $C addr add 10.78.0.55/32 dev lo
for ns in $S $C; do ip -n $ns link set eth0 up; ip -n $ns link set eth1 up; done
ip -n $S route add 10.78.0.0/24 via 10.79.0.2

ip netns exec $S dumpcap -q -i eth0 -i eth1 -w "$OUT/golden.pcapng" 2>/dev/null &
pids+=($!)
touch "$WORK/dhcpd.leases"
ip netns exec $S dhcpd -4 -f -q -cf "$HERE/dhcpd-golden.conf" -lf "$WORK/dhcpd.leases" -pf "$WORK/dhcpd.pid" eth0 eth1 \
  > "$WORK/dhcpd.log" 2>&1 &
pids+=($!)
sleep 2

# 1. ISC dhclient, direct: DORA by broadcast, a RENEWING request at T1 (10 s), then RELEASE
ip netns exec $C dhclient -4 -d -cf "$HERE/dhclient-golden.conf" -sf "$HERE/dhclient-script.sh" \
  -lf "$WORK/dhclient.leases" -pf "$WORK/dhclient.pid" eth0 > "$WORK/dhclient.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do grep -q 'bound to' "$WORK/dhclient.log" && break; sleep 0.5; done
for _ in $(seq 1 60); do [ "$(grep -c 'bound to' "$WORK/dhclient.log")" -ge 2 ] && break; sleep 0.5; done
ip netns exec $C dhclient -4 -r -cf "$HERE/dhclient-golden.conf" -sf "$HERE/dhclient-script.sh" \
  -lf "$WORK/dhclient.leases" -pf "$WORK/dhclient.pid" eth0 >> "$WORK/dhclient.log" 2>&1 || true

# 2. perfdhcp as a relay at 10.78.0.1: two DORAs (without -r, perfdhcp -n exits before sending)
ip netns exec $C timeout 20 perfdhcp -4 -l 10.78.0.1 -r 10 -n 2 -R 2 -d 2 10.79.0.1 > "$WORK/perfdhcp.log" 2>&1 || true

# 3. crafted relay packets (option 82, 576-byte maximum, INFORM, NAK, RELEASE, DECLINE)
ip netns exec $C timeout 30 python3 "$HERE/relay_craft.py"
sleep 1
cp "$WORK/dhcpd.log" "$WORK/dhclient.log" "$WORK/perfdhcp.log" "$OUT/"
