package io.ironlease.shared.leases;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for lease file records: every state, optional fields, uids with all byte values, odd names.
 * Public in the test-jar so the server and pools modules can generate leases too.
 */
public final class LeaseArbitraries {

    private static final List<String> EXTRAS = List.of("billing class \"gold\";",
            "billing subclass \"vendor\" \"abc\";", "option agent.circuit-id \"port\\\"7\";",
            "option agent.remote-id 1:2:3;", "on expiry {\n    set foo = \"bar\" ;\n  }",
            "on release {\n    log (info, \"x;}\");\n  }", "hostname \"old-style\";");

    private LeaseArbitraries() {
    }

    public static Arbitrary<Long> times() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(LeaseTime.UNSET)),
                Tuple.of(1, Arbitraries.just(LeaseTime.NEVER)),
                Tuple.of(6, Arbitraries.longs().between(1, 4_102_444_800L)),
                Tuple.of(1, Arbitraries.longs().between(1, 253_402_300_799L)));
    }

    public static Arbitrary<HardwareAddress> hardware() {
        return Combinators.combine(Arbitraries.of(HardwareAddress.ETHERNET, HardwareAddress.TOKEN_RING,
                HardwareAddress.FDDI, HardwareAddress.INFINIBAND),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16))
                .as(HardwareAddress::of);
    }

    public static Arbitrary<byte[]> anyBytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
    }

    /** Text of any character outside the surrogate range, biased to quotes, backslashes and controls. */
    public static Arbitrary<String> text() {
        return Arbitraries.strings().withChars("\"\\\n\t\u0000\u007f;{}#").withCharRange('\u0000', '\ud7ff')
                .ofMaxLength(40);
    }

    public static Arbitrary<String> variableNames() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars("-_.0123456789").ofMinLength(1)
                .ofMaxLength(20).filter(LeaseVariable::isValidName);
    }

    public static Arbitrary<LeaseVariable> variables() {
        Arbitrary<LeaseVariable.Value> values = Arbitraries.oneOf(
                anyBytes(0, 40).map(LeaseVariable.Data::new),
                Arbitraries.longs().map(LeaseVariable.Numeric::new),
                Arbitraries.of(true, false).map(LeaseVariable.Bool::new));
        return Combinators.combine(variableNames(), values).as(LeaseVariable::new);
    }

    public static Arbitrary<List<String>> extras() {
        // the writer puts billing first, agent options after set, the rest last: generate in that order
        return Arbitraries.of(EXTRAS).list().ofMaxSize(3).map(list -> {
            List<String> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingInt(s -> s.startsWith("billing") ? 0 : s.startsWith("option") ? 1 : 2));
            return sorted;
        });
    }

    public static Arbitrary<Lease> leases() {
        Arbitrary<BindingState> states = Arbitraries.of(BindingState.class);
        Arbitrary<Lease.Builder> base = Combinators.combine(Arbitraries.integers(), times(), times(), times(),
                times(), times(), times()).as((ip, starts, ends, tstp, tsfp, atsfp, cltt) ->
                Lease.builder(new Ipv4Address(ip)).starts(starts).ends(ends).tstp(tstp).tsfp(tsfp).atsfp(atsfp)
                        .cltt(cltt));
        Arbitrary<Lease.Builder> withStates = Combinators.combine(base, states, states, states,
                Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((b, binding, next, rewind, reserved, bootp) -> b.bindingState(binding).nextBindingState(next)
                        .rewindBindingState(rewind).reserved(reserved).bootp(bootp));
        return Combinators.combine(withStates, hardware().injectNull(0.3), anyBytes(0, 40),
                text().injectNull(0.3), variables().list().ofMaxSize(3).uniqueElements(LeaseVariable::name),
                extras()).as((b, hw, uid, hostname, vars, extras) -> {
                    b.hardware(hw).uid(uid).clientHostname(hostname);
                    vars.forEach(b::variable);
                    extras.forEach(b::extraStatement);
                    return b.build();
                });
    }

    public static Arbitrary<HostRecord> hosts() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'z')
                .withChars("-_.0123456789").ofMinLength(1).ofMaxLength(20), text().filter(s -> !s.isEmpty()));
        Arbitrary<HostRecord> live = Combinators.combine(names, Arbitraries.of(true, false), hardware().injectNull(0.3),
                anyBytes(0, 20), Arbitraries.integers().map(Ipv4Address::new).list().ofMaxSize(3),
                text().injectNull(0.5), Arbitraries.of("supersede host-name = \"h\";", "option routers 10.0.0.1;",
                        "if option dhcp-user-class = \"x\" {\n          filename \"pxe\";\n        }")
                        .list().ofMaxSize(2))
                .as((name, dynamic, hw, uid, fixed, group, statements) ->
                        new HostRecord(name, dynamic, false, hw, uid, fixed, group, statements));
        Arbitrary<HostRecord> rubouts = Combinators.combine(names, Arbitraries.of(true, false))
                .as(HostRecord::rubout);
        return Arbitraries.oneOf(live, rubouts);
    }

    public static Arbitrary<GroupRecord> groups() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
        return Combinators.combine(names, Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of("supersede domain-name = \"grp.example\";", "default-lease-time 600;").list()
                        .ofMaxSize(2))
                .as((name, dynamic, isStatic, statements) -> new GroupRecord(name, dynamic, isStatic, false,
                        statements));
    }

    public static Arbitrary<FailoverStateRecord> failoverStates() {
        Arbitrary<FailoverState> states = Arbitraries.of(FailoverState.class);
        Arbitrary<Long> stamps = Arbitraries.oneOf(Arbitraries.just(LeaseTime.UNSET),
                Arbitraries.longs().between(1, 4_102_444_800L));
        Arbitrary<Optional<Duration>> mclt = Arbitraries.longs().between(0, 0xffff_ffffL).map(Duration::ofSeconds)
                .optional();
        return Combinators.combine(text(), states, stamps, states, stamps, mclt).as(FailoverStateRecord::new);
    }

    public static Arbitrary<LeaseFileRecord> records() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, leases().map(LeaseRecord::new)),
                Tuple.of(2, hosts()),
                Tuple.of(1, groups()),
                Tuple.of(1, failoverStates()),
                Tuple.of(1, anyBytes(0, 20).map(ServerDuidRecord::new)),
                Tuple.of(1, Arbitraries.of(AuthoringByteOrderRecord.LITTLE_ENDIAN,
                        AuthoringByteOrderRecord.BIG_ENDIAN)),
                Tuple.of(1, Arbitraries.of(
                        new RawRecord("subclass", "subclass \"vendor\" \"abc\" { }"),
                        new RawRecord("class", "class \"gold\" {\n  match if true;\n}"))));
    }
}
