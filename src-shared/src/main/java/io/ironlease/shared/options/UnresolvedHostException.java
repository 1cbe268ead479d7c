package io.ironlease.shared.options;

/** An option names a host that the resolver could not turn into an address, so it cannot be encoded. */
public final class UnresolvedHostException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String hostName;

    public UnresolvedHostException(String hostName) {
        super("host name \"" + hostName + "\" does not resolve to an IPv4 address");
        this.hostName = hostName;
    }

    public String hostName() {
        return hostName;
    }
}
