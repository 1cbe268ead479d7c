#!/bin/sh
# Minimal dhclient script for the capture namespace: configures only the
# namespace's own interface, never /etc/resolv.conf or routes of the host.
case "$reason" in
  PREINIT) ip link set dev "$interface" up ;;
  BOUND|RENEW|REBIND|REBOOT)
    ip addr replace "$new_ip_address/24" dev "$interface" ;;
  EXPIRE|FAIL|RELEASE|STOP)
    [ -n "$old_ip_address" ] && ip addr del "$old_ip_address/24" dev "$interface" 2>/dev/null ;;
esac
exit 0
