package io.ironlease.server.dhcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Loads golden/dhcp/NAME.hex from the test class path. */
final class GoldenVectors {

    private GoldenVectors() {
    }

    static byte[] bytes(String name) {
        String resource = "/golden/dhcp/" + name + ".hex";
        try (InputStream in = GoldenVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s+", "");
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DhcpPacket packet(String name) {
        try {
            return DhcpCodec.decode(bytes(name));
        } catch (DhcpParseException e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
        }
    }
}
