package io.ironlease.server.dhcp;

import io.ironlease.server.alloc.ScopeStack;
import io.ironlease.server.alloc.SubnetPlan;
import io.ironlease.shared.config.model.OptionSetting;
import io.ironlease.shared.options.HostResolver;
import io.ironlease.shared.options.OptionSpace;
import io.ironlease.shared.options.UnresolvedHostException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes the options of a scope stack once and serves the bytes from a cache afterwards (pool and
 * subnet stacks are shared objects, so the cache is keyed by identity; stacks of hosts and classes are
 * encoded per use). Host names resolve through the non-blocking cached resolver; when its answers
 * change ({@code generation}) the cache starts over. Options that cannot be sent (unresolved names,
 * values computed by expressions, other option spaces, options the protocol owns) are left out, each
 * kind reported once. The subnet mask defaults to the subnet's, as in dhcpd.
 */
public final class OptionSets {

    private static final Logger LOG = LoggerFactory.getLogger(OptionSets.class);

    /**
     * Options the server computes or the client owns: a configured value is never sent. (Configured 54,
     * 58 and 59 are kept: the reply uses them as server identifier and T1/T2.)
     */
    private static final Set<Integer> PROTOCOL_CODES = Set.of(OptionCodes.REQUESTED_ADDRESS, OptionCodes.LEASE_TIME,
            OptionCodes.OVERLOAD, OptionCodes.MESSAGE_TYPE, OptionCodes.PARAMETER_REQUEST_LIST,
            OptionCodes.MAX_MESSAGE_SIZE, OptionCodes.CLIENT_IDENTIFIER, OptionCodes.RELAY_AGENT_INFORMATION);

    private final HostResolver resolver;
    private final IntSupplier generation;
    private final Map<ScopeStack, EncodedOptions> cache = new IdentityHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private int cachedGeneration;

    /** @param generation changes when the resolver's answers change (0 forever for literal-only configs) */
    public OptionSets(HostResolver resolver, IntSupplier generation) {
        this.resolver = resolver;
        this.generation = generation;
        this.cachedGeneration = generation.getAsInt();
    }

    /** The options for a client of {@code subnet} under {@code stack}; engine thread only. */
    public EncodedOptions options(ScopeStack stack, SubnetPlan subnet, boolean cacheable) {
        int g = generation.getAsInt();
        if (g != cachedGeneration) {
            cache.clear();
            cachedGeneration = g;
        }
        if (!cacheable) {
            return encode(stack, subnet);
        }
        EncodedOptions cached = cache.get(stack);
        if (cached == null) {
            cached = encode(stack, subnet);
            cache.put(stack, cached);
        }
        return cached;
    }

    private EncodedOptions encode(ScopeStack stack, SubnetPlan subnet) {
        List<DhcpOption> out = new ArrayList<>();
        boolean mask = false;
        for (OptionSetting setting : stack.options()) {
            var definition = setting.definition();
            if (!OptionSpace.DHCP.equals(definition.space())) {
                reportOnce("space:" + definition.space(), () -> "OPTION_NOT_SENT options of space "
                        + definition.space() + " (" + setting.pos() + ") are not sent by this server");
                continue;
            }
            int code = definition.code();
            if (code < 1 || code > 254 || PROTOCOL_CODES.contains(code)) {
                continue;
            }
            if (setting.value().isEmpty()) {
                reportOnce("expr:" + setting.pos(), () -> "OPTION_NOT_SENT " + setting.name() + " at " + setting.pos()
                        + " is computed by an expression, which this server does not evaluate");
                continue;
            }
            try {
                byte[] bytes = setting.value().get().encode(resolver);
                out.add(new DhcpOption(code, bytes));
                mask |= code == OptionCodes.SUBNET_MASK;
            } catch (UnresolvedHostException e) {
                // the resolver reports the name once (DNS_NAME_UNRESOLVED); the option is left out
            } catch (IllegalArgumentException e) {
                reportOnce("bad:" + setting.pos(), () -> "OPTION_NOT_SENT " + setting.name() + " at " + setting.pos()
                        + ": " + e.getMessage());
            }
        }
        if (!mask) {
            out.add(0, new DhcpOption(OptionCodes.SUBNET_MASK, subnet.subnet().netmask().toBytes()));
        }
        return new EncodedOptions(out);
    }

    private void reportOnce(String key, java.util.function.Supplier<String> message) {
        if (reported.add(key)) {
            LOG.warn(message.get());
        }
    }
}
