package io.ironlease.shared.options;

import io.ironlease.shared.net.Ipv4Address;
import java.util.List;

/**
 * Turns the host names that options may carry into addresses when the server encodes them. The
 * server supplies one that does not block its event loops (a cache filled off-loop); checking a
 * config uses {@link #NONE}.
 */
@FunctionalInterface
public interface HostResolver {

    /** Resolves nothing: every name stays unresolved. */
    HostResolver NONE = name -> List.of();

    /** The addresses of a name, in preference order; empty when it does not resolve. */
    List<Ipv4Address> resolve(String hostName);
}
