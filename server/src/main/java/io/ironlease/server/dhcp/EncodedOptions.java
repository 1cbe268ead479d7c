package io.ironlease.server.dhcp;

import java.util.List;

/**
 * The options a scope stack gives a client, already encoded for the wire, in configuration order
 * (outer scopes first), with direct lookup by code. Built once per stack by {@link OptionSets}.
 */
public final class EncodedOptions {

    private final List<DhcpOption> options;
    private final DhcpOption[] byCode = new DhcpOption[256];

    EncodedOptions(List<DhcpOption> options) {
        this.options = List.copyOf(options);
        for (DhcpOption o : this.options) {
            byCode[o.code()] = o;
        }
    }

    public List<DhcpOption> all() {
        return options;
    }

    public DhcpOption get(int code) {
        return code >= 0 && code < 256 ? byCode[code] : null;
    }

    public boolean has(int code) {
        return get(code) != null;
    }
}
