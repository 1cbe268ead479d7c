package io.ironlease.server.dhcp;

import io.ironlease.shared.config.model.Scope;
import java.util.List;

/**
 * Which dhcpd.conf classes a client belongs to (placeholder until class matching lands: no classes).
 */
public final class ClientClassifier {

    /** The classes a client is in: names for permits, scopes for options, most specific first. */
    public record Result(List<String> names, List<Scope> scopes) {
        public static final Result NONE = new Result(List.of(), List.of());
    }

    public static final ClientClassifier NONE = new ClientClassifier();

    public static ClientClassifier of(io.ironlease.shared.config.model.DhcpConfig config) {
        return NONE;
    }

    public Result classify(DhcpPacket packet) {
        return Result.NONE;
    }
}
