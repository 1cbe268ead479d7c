package io.ironlease.shell.lang;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * TCP service names for omshell's {@code port NAME} (C's {@code getservbyname(name, "tcp")}), read
 * from a services file in {@code /etc/services} format.
 */
public final class Services {

    private final Map<String, Integer> tcpPorts;

    private Services(Map<String, Integer> tcpPorts) {
        this.tcpPorts = Map.copyOf(tcpPorts);
    }

    /** The system's {@code /etc/services}; none when it cannot be read. */
    public static Services system() {
        return fromFile(Path.of("/etc/services"));
    }

    public static Services none() {
        return new Services(Map.of());
    }

    /** Parses {@code name port/proto [aliases...] [# comment]} lines; unreadable files give no services. */
    public static Services fromFile(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return none();
        }
    }

    static Services parse(String text) {
        Map<String, Integer> ports = new HashMap<>();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String[] fields = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (fields.length < 2 || !fields[1].endsWith("/tcp")) {
                continue;
            }
            try {
                int port = Integer.parseInt(fields[1].substring(0, fields[1].length() - 4));
                for (int i = 0; i < fields.length; i++) {
                    if (i != 1) {
                        ports.putIfAbsent(fields[i], port);
                    }
                }
            } catch (NumberFormatException ignored) {
                // not a service line
            }
        }
        return new Services(ports);
    }

    /** The TCP port of a service name (case-sensitive, as getservbyname). */
    public OptionalInt tcpPort(String name) {
        Integer port = tcpPorts.get(name);
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }
}
