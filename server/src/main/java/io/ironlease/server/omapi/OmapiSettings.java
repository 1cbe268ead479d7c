package io.ironlease.server.omapi;

import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.config.model.KeyConfig;
import io.ironlease.shared.keys.OmapiKey;
import io.ironlease.shared.net.Ipv4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where and with which keys the OMAPI listener runs, from dhcpd.conf ({@code omapi-port},
 * {@code omapi-key}, {@code key} stanzas) and the command line ({@link OmapiOptions}). Pure.
 *
 * @param listen empty: {@link io.ironlease.omapi.server.ListenPolicy} decides (all addresses with a
 *               key, loopback without one)
 * @param keys   the keys clients may sign with, the {@code omapi-key} one first; empty: unauthenticated
 */
public record OmapiSettings(int port, Optional<InetAddress> listen, List<OmapiKey> keys) {

    public OmapiSettings {
        keys = List.copyOf(keys);
    }

    /**
     * The settings, or empty when OMAPI is off (no {@code omapi-port} and no {@code --omapi-port}, or
     * {@code --no-omapi}). Throws IllegalArgumentException, with a message for the operator, for a key
     * that is not declared or not usable, a port out of range or a listen address that is not an IPv4
     * literal.
     */
    public static Optional<OmapiSettings> of(DhcpConfig config, OmapiOptions options) {
        if (options.disabled) {
            return Optional.empty();
        }
        OptionalInt port = options.port != null ? OptionalInt.of(options.port) : config.omapiPort();
        if (port.isEmpty()) {
            return Optional.empty();
        }
        if (port.getAsInt() < 0 || port.getAsInt() > 65535) {
            throw new IllegalArgumentException("OMAPI port out of 0-65535: " + port.getAsInt());
        }
        List<OmapiKey> keys = new ArrayList<>();
        config.omapiKeyName().ifPresent(name -> add(keys, config, name, "omapi-key"));
        options.keys.forEach(name -> add(keys, config, name, "--omapi-key"));
        if (options.allKeys) {
            config.keys().forEach(k -> add(keys, config, k.name(), "--omapi-all-keys: key"));
        }
        Optional<InetAddress> listen = Optional.empty();
        if (options.listen != null) {
            Ipv4Address address = Ipv4Address.tryParse(options.listen);
            if (address == null) {
                throw new IllegalArgumentException("--omapi-listen " + options.listen + ": not an IPv4 address");
            }
            listen = Optional.of(address.toInetAddress());
        }
        return Optional.of(new OmapiSettings(port.getAsInt(), listen, keys));
    }

    private static void add(List<OmapiKey> keys, DhcpConfig config, String name, String what) {
        if (keys.stream().anyMatch(k -> k.name().equals(name))) {
            return;
        }
        KeyConfig stanza = config.key(name).orElseThrow(() -> new IllegalArgumentException(what + " " + name
                + ": no key stanza of that name in " + config.files().get(0)));
        OmapiKey key = stanza.key().orElseThrow(() -> new IllegalArgumentException(what + " " + name + " (" + stanza.pos()
                + "): the key's algorithm (" + stanza.algorithmName() + ") or secret is not usable"));
        keys.add(key);
    }
}
