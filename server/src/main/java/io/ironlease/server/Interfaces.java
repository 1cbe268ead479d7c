package io.ironlease.server;

import io.ironlease.server.alloc.AddressPlan;
import io.ironlease.shared.net.Ipv4Address;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Network interfaces as dhcpd chooses them when none are named: up, not loopback, with an address in a configured subnet. */
final class Interfaces {

    private Interfaces() {
    }

    static List<String> servingSubnets(AddressPlan plan) throws SocketException {
        List<String> names = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) {
                continue;
            }
            boolean serves = ni.inetAddresses().filter(a -> a instanceof Inet4Address)
                    .anyMatch(a -> plan.subnetFor(Ipv4Address.of(a)).isPresent());
            if (serves) {
                names.add(ni.getName());
            }
        }
        return names;
    }

    static List<Ipv4Address> addresses(String name) throws SocketException {
        NetworkInterface ni = NetworkInterface.getByName(name);
        if (ni == null) {
            return List.of();
        }
        return ni.inetAddresses().filter(a -> a instanceof Inet4Address).map(Ipv4Address::of).toList();
    }
}
