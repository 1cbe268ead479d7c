package io.ironlease.shared.leases;

import java.util.Objects;

/**
 * A top-level declaration kept verbatim because nothing here interprets it: dhcpd's spawned
 * {@code class} and {@code subclass} records, and DHCPv6 {@code ia-na}/{@code ia-ta}/{@code ia-pd}.
 *
 * @param keyword the first word, e.g. {@code subclass}
 * @param text    the whole declaration, from the keyword to its closing ';' or '}'
 */
public record RawRecord(String keyword, String text) implements LeaseFileRecord {
    public RawRecord {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(text, "text");
    }
}
