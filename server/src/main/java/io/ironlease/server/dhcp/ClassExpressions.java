package io.ironlease.server.dhcp;

import io.ironlease.shared.config.ast.Expression;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.options.OptionDefinition;
import io.ironlease.shared.options.OptionRegistry;
import io.ironlease.shared.options.OptionSpace;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Compiles the simple dhcp-eval expressions classes use ({@code man dhcp-eval}) into functions of a
 * packet: data ({@code option NAME}, {@code hardware}, strings, colon-hex, {@code substring},
 * {@code suffix}, {@code concat}) and booleans ({@code =}, {@code !=}, {@code and}, {@code or},
 * {@code not}, {@code exists}). Anything else is {@link Unsupported}, and its class never matches.
 * A data expression that has no value (a missing option) yields null, which compares false.
 */
final class ClassExpressions {

    /** The expression uses something this evaluator does not support. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(Expression e) {
            super(e.toText() + " at " + e.pos());
        }
    }

    private final OptionRegistry registry;

    ClassExpressions(OptionRegistry registry) {
        this.registry = registry;
    }

    Predicate<DhcpPacket> bool(Expression e) throws Unsupported {
        if (e instanceof Expression.Binary b) {
            switch (b.operator()) {
                case "=", "!=" -> {
                    Function<DhcpPacket, byte[]> l = data(b.left());
                    Function<DhcpPacket, byte[]> r = data(b.right());
                    boolean equal = b.operator().equals("=");
                    return p -> {
                        byte[] x = l.apply(p);
                        byte[] y = r.apply(p);
                        return x != null && y != null && Arrays.equals(x, y) == equal;
                    };
                }
                case "and" -> {
                    Predicate<DhcpPacket> l = bool(b.left());
                    Predicate<DhcpPacket> r = bool(b.right());
                    return l.and(r);
                }
                case "or" -> {
                    Predicate<DhcpPacket> l = bool(b.left());
                    Predicate<DhcpPacket> r = bool(b.right());
                    return l.or(r);
                }
                default -> throw new Unsupported(e);
            }
        } else if (e instanceof Expression.Not n) {
            return bool(n.operand()).negate();
        } else if (e instanceof Expression.OptionRef ref && ref.keyword().equals("exists")) {
            int code = code(ref);
            return p -> p.options().contains(code);
        }
        throw new Unsupported(e);
    }

    Function<DhcpPacket, byte[]> data(Expression e) throws Unsupported {
        if (e instanceof Expression.Str s) {
            byte[] bytes = s.bytes();
            return p -> bytes;
        } else if (e instanceof Expression.Literal l && l.text().contains(":")) {
            byte[] bytes = HardwareAddress.parseColonHex(l.text());
            return p -> bytes;
        } else if (e instanceof Expression.Identifier id && id.name().equals("hardware")) {
            return p -> {
                byte[] mac = p.chaddr().bytes();
                byte[] out = new byte[mac.length + 1];
                out[0] = (byte) p.htype();
                System.arraycopy(mac, 0, out, 1, mac.length);
                return out;
            };
        } else if (e instanceof Expression.OptionRef ref && ref.keyword().equals("option")) {
            int code = code(ref);
            return p -> p.options().get(code).orElse(null);
        } else if (e instanceof Expression.Call call) {
            return call(call);
        }
        throw new Unsupported(e);
    }

    private Function<DhcpPacket, byte[]> call(Expression.Call call) throws Unsupported {
        var args = call.arguments();
        switch (call.function().toLowerCase(Locale.ROOT)) {
            case "substring" -> {
                if (args.size() != 3) {
                    throw new Unsupported(call);
                }
                Function<DhcpPacket, byte[]> d = data(args.get(0));
                int offset = number(args.get(1));
                int length = number(args.get(2));
                return p -> {
                    byte[] v = d.apply(p);
                    if (v == null) {
                        return null;
                    }
                    int from = Math.min(offset, v.length);
                    return Arrays.copyOfRange(v, from, Math.min(v.length, from + length));
                };
            }
            case "suffix" -> {
                if (args.size() != 2) {
                    throw new Unsupported(call);
                }
                Function<DhcpPacket, byte[]> d = data(args.get(0));
                int length = number(args.get(1));
                return p -> {
                    byte[] v = d.apply(p);
                    return v == null ? null : Arrays.copyOfRange(v, Math.max(0, v.length - length), v.length);
                };
            }
            case "concat" -> {
                if (args.size() != 2) {
                    throw new Unsupported(call);
                }
                Function<DhcpPacket, byte[]> a = data(args.get(0));
                Function<DhcpPacket, byte[]> b = data(args.get(1));
                return p -> {
                    byte[] x = a.apply(p);
                    byte[] y = b.apply(p);
                    if (x == null || y == null) {
                        return null;
                    }
                    byte[] out = Arrays.copyOf(x, x.length + y.length);
                    System.arraycopy(y, 0, out, x.length, y.length);
                    return out;
                };
            }
            default -> throw new Unsupported(call);
        }
    }

    private int code(Expression.OptionRef ref) throws Unsupported {
        String name = ref.optionName();
        var def = name.contains(".") ? registry.byQualifiedName(name) : registry.byName(OptionSpace.DHCP, name);
        if (def.isEmpty() || !OptionSpace.DHCP.equals(def.get().space())) {
            throw new Unsupported(ref);
        }
        OptionDefinition d = def.get();
        return d.code();
    }

    private static int number(Expression e) throws Unsupported {
        if (e instanceof Expression.Literal l) {
            try {
                return Integer.parseInt(l.text());
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        throw new Unsupported(e);
    }
}
