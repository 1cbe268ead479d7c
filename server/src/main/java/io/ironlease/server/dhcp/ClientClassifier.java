package io.ironlease.server.dhcp;

import io.ironlease.shared.config.model.ClassConfig;
import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.config.model.Scope;
import io.ironlease.shared.config.model.SubclassConfig;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which dhcpd.conf classes a client is in, for pool permits ({@code allow members of "X"}) and for
 * options (a class's options override the pool's, a host's override the class's). Supported:
 * {@code match if EXPR} and {@code match EXPR} with subclasses, for the expressions of
 * {@link ClassExpressions}; a class using anything else is reported once at start
 * ({@code CLASS_MATCH_UNSUPPORTED}) and never matches. Thread-safe (immutable).
 */
public final class ClientClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(ClientClassifier.class);

    /** The classes a client is in: names for permits, scopes for options, most specific first. */
    public record Result(List<String> names, List<Scope> scopes) {
        public static final Result NONE = new Result(List.of(), List.of());
    }

    private record Compiled(ClassConfig config, Predicate<DhcpPacket> matchIf, Function<DhcpPacket, byte[]> match,
            Map<ByteBuffer, SubclassConfig> subclasses) {
    }

    public static final ClientClassifier NONE = new ClientClassifier(List.of());

    private final List<Compiled> classes;

    private ClientClassifier(List<Compiled> classes) {
        this.classes = List.copyOf(classes);
    }

    public static ClientClassifier of(DhcpConfig config) {
        ClassExpressions compiler = new ClassExpressions(config.optionRegistry());
        List<Compiled> compiled = new ArrayList<>();
        for (ClassConfig c : config.classes()) {
            try {
                Predicate<DhcpPacket> matchIf = c.matchIf().isPresent() ? compiler.bool(c.matchIf().get()) : null;
                Function<DhcpPacket, byte[]> match = c.match().isPresent() ? compiler.data(c.match().get()) : null;
                Map<ByteBuffer, SubclassConfig> subclasses = new HashMap<>();
                c.subclasses().forEach(s -> subclasses.putIfAbsent(ByteBuffer.wrap(s.value()), s));
                if (matchIf == null && match == null) {
                    continue;
                }
                compiled.add(new Compiled(c, matchIf, match, subclasses));
            } catch (ClassExpressions.Unsupported e) {
                LOG.warn("CLASS_MATCH_UNSUPPORTED class \"{}\" at {} uses {}; it never matches", c.name(), c.pos(),
                        e.getMessage());
            }
        }
        return compiled.isEmpty() ? NONE : new ClientClassifier(compiled);
    }

    public Result classify(DhcpPacket packet) {
        if (classes.isEmpty()) {
            return Result.NONE;
        }
        List<String> names = new ArrayList<>();
        List<Scope> scopes = new ArrayList<>();
        for (Compiled c : classes) {
            if (c.matchIf() != null && !c.matchIf().test(packet)) {
                continue;
            }
            if (c.match() != null) {
                byte[] value = c.match().apply(packet);
                SubclassConfig sub = value == null ? null : c.subclasses().get(ByteBuffer.wrap(value));
                if (sub == null) {
                    continue;
                }
                scopes.add(0, sub.scope());
            }
            names.add(c.config().name());
            scopes.add(c.config().scope());
        }
        return names.isEmpty() ? Result.NONE : new Result(names, scopes);
    }
}
