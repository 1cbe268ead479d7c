package io.ironlease.server.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

class DhcpCodecProperties {

    @Property(tries = 2000)
    void arbitraryBytesDecodeOrRaiseOnlyParseExceptions(@ForAll @Size(max = 700) byte[] data) {
        decodeQuietly(data);
    }

    @Property(tries = 3000)
    void bytesAfterAValidHeaderAndCookieDecodeOrRaiseOnlyParseExceptions(@ForAll("dhcpShaped") byte[] data) {
        decodeQuietly(data);
    }

    @Property(tries = 1000)
    void corruptedEncodingsDecodeOrRaiseOnlyParseExceptions(@ForAll("packets") DhcpPacket packet,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 1499) Integer> positions,
            @ForAll byte value) {
        byte[] data = DhcpCodec.encode(packet, 1500);
        for (int position : positions) {
            data[position % data.length] = value;
        }
        decodeQuietly(data);
    }

    @Property(tries = 1500)
    void encodeThenDecodeKeepsEverythingThatFits(@ForAll("packets") DhcpPacket packet,
            @ForAll @IntRange(min = 300, max = 1500) int maxLength) throws DhcpParseException {
        DhcpCodec.Encoded encoded = DhcpCodec.encodeReporting(packet, maxLength);
        int agent = packet.options().option(OptionCodes.RELAY_AGENT_INFORMATION)
                .map(DhcpOption::encodedLength).orElse(0);
        assertThat(encoded.bytes().length).isBetween(DhcpCodec.BOOTP_MIN_LENGTH,
                Math.max(DhcpCodec.BOOTP_MIN_LENGTH, maxLength + agent));
        assertThat(encoded.droppedCodes()).doesNotContainAnyElementsOf(OptionAreaWriter.ESSENTIAL);

        DhcpPacket back = DhcpCodec.decode(encoded.bytes());
        DhcpOptionsBuilder expected = packet.options().toBuilder().remove(OptionCodes.OVERLOAD);
        encoded.droppedCodes().forEach(expected::remove);
        assertThat(back.options().without(OptionCodes.OVERLOAD).equalsIgnoringOrder(expected.build()))
                .as("options of %s", back).isTrue();
        assertThat(back.options().overload()).isEqualTo(encoded.overload());
        assertThat(back.toBuilder().options(packet.options()).build()).isEqualTo(packet);

        int total = packet.options().asList().stream().filter(o -> o.code() != OptionCodes.OVERLOAD)
                .mapToInt(DhcpOption::encodedLength).sum() - agent;
        if (total + 241 <= maxLength) {
            assertThat(encoded.droppedCodes()).isEmpty();
            assertThat(encoded.overload()).isEmpty();
        }
        if (encoded.droppedCodes().isEmpty() && encoded.overload().isEmpty() && lastIsAgentOrNone(packet)) {
            assertThat(back).isEqualTo(packet);
        }
        Statistics.label("overload").collect(encoded.overload().isPresent());
        Statistics.label("dropped").collect(!encoded.droppedCodes().isEmpty());
        Statistics.label("overload").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("dropped").coverage(c -> c.check(true).percentage(p -> p > 5));
    }

    @Property(tries = 1500)
    void theSimpleEncodingIsTheFullEncodingWhereverItApplies(@ForAll("packets") DhcpPacket packet,
            @ForAll @IntRange(min = 300, max = 1500) int maxLength) {
        byte[] out = new byte[2048];
        java.util.Arrays.fill(out, (byte) 0x5a); // leftovers of an earlier message must not show
        int length = DhcpCodec.encodeSimple(packet, maxLength, out);
        DhcpCodec.Encoded full = DhcpCodec.encodeReporting(packet, maxLength);
        if (length >= 0) {
            assertThat(Arrays.copyOf(out, length)).isEqualTo(full.bytes());
        } else {
            assertThat(full.overload().isPresent() || !full.droppedCodes().isEmpty()
                    || packet.options().asList().stream().anyMatch(o -> o.length() > 255)).isTrue();
        }
        Statistics.label("simple").collect(length >= 0);
        Statistics.label("simple").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    private static boolean lastIsAgentOrNone(DhcpPacket packet) {
        List<Integer> codes = packet.options().codes();
        int agentAt = codes.indexOf(OptionCodes.RELAY_AGENT_INFORMATION);
        return agentAt < 0 || agentAt == codes.size() - 1;
    }

    private static void decodeQuietly(byte[] data) {
        try {
            DhcpPacket packet = DhcpCodec.decode(data);
            assertThat(packet).isNotNull();
        } catch (DhcpParseException expected) {
            assertThat(expected.offset()).isBetween(0, data.length);
        }
    }

    @Provide
    Arbitrary<byte[]> dhcpShaped() {
        Arbitrary<byte[]> tail = Arbitraries.bytes().array(byte[].class).ofMaxSize(500);
        return Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.integers().between(0, 16),
                tail, Arbitraries.integers().between(236, 240)).as((op, hlen, rest, fixed) -> {
                    byte[] data = new byte[240 + rest.length];
                    data[0] = (byte) (int) op;
                    data[1] = 1;
                    data[2] = (byte) (int) hlen;
                    data[236] = 0x63;
                    data[237] = (byte) 0x82;
                    data[238] = 0x53;
                    data[239] = 0x63;
                    System.arraycopy(rest, 0, data, 240, rest.length);
                    // sometimes put option bytes in sname/file as well, for overload parsing
                    for (int i = 0; i < Math.min(rest.length, 192); i++) {
                        data[44 + i] = rest[rest.length - 1 - i];
                    }
                    return fixed == 240 ? data : Arrays.copyOf(data, Math.max(fixed, data.length));
                });
    }

    @Provide
    Arbitrary<DhcpPacket> packets() {
        Arbitrary<HardwareAddress> chaddr = Combinators.combine(Arbitraries.integers().between(0, 255),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(16)).as(HardwareAddress::of);
        Arbitrary<Ipv4Address> address = Arbitraries.integers().map(Ipv4Address::new);
        Arbitrary<String> sname = headerString(DhcpPacket.SNAME_LENGTH);
        Arbitrary<String> file = headerString(DhcpPacket.FILE_LENGTH);
        Arbitrary<int[]> numbers = Combinators.combine(Arbitraries.integers().between(0, 255),
                Arbitraries.integers(), Arbitraries.integers().between(0, 0xffff),
                Arbitraries.integers().between(0, 0xffff), Arbitraries.integers().between(1, 2))
                .as((hops, xid, secs, flags, op) -> new int[] {hops, xid, secs, flags, op});
        return Combinators.combine(chaddr, numbers, address.list().ofSize(4), sname, file, options())
                .as((hw, n, addrs, s, f, opts) -> DhcpPacket.builder().op(BootOp.fromCode(n[4])).chaddr(hw)
                        .hops(n[0]).xid(n[1]).secs(n[2]).flags(n[3]).ciaddr(addrs.get(0)).yiaddr(addrs.get(1))
                        .siaddr(addrs.get(2)).giaddr(addrs.get(3)).sname(s).file(f).options(opts).build());
    }

    private static Arbitrary<String> headerString(int max) {
        Arbitrary<String> text = Arbitraries.strings().withCharRange((char) 1, (char) 255).ofMaxLength(max);
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")), Tuple.of(1, text));
    }

    private static Arbitrary<DhcpOptions> options() {
        Arbitrary<DhcpOption> plain = Combinators.combine(
                Arbitraries.integers().between(1, 254).filter(c -> !fixedLength(c) && c != OptionCodes.OVERLOAD
                        && c != OptionCodes.RELAY_AGENT_INFORMATION),
                Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.bytes().array(byte[].class).ofMaxSize(40)),
                        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(200).ofMaxSize(700))))
                .as(DhcpOption::new);
        Arbitrary<DhcpOption> essential = Arbitraries.of(53, 50, 54, 51, 57, 58, 59).flatMap(code ->
                Arbitraries.bytes().array(byte[].class).ofSize(code == 53 ? 1 : code == 57 ? 2 : 4)
                        .map(value -> new DhcpOption(code, value)));
        Arbitrary<DhcpOption> agent = Arbitraries.bytes().array(byte[].class).ofMaxSize(60).list().ofMaxSize(5)
                .map(values -> {
                    List<RelayAgentInformation.SubOption> subs = new ArrayList<>();
                    for (int i = 0; i < values.size(); i++) {
                        subs.add(new RelayAgentInformation.SubOption(i + 1, values.get(i)));
                    }
                    return new DhcpOption(OptionCodes.RELAY_AGENT_INFORMATION, RelayAgentInformation.of(subs).raw());
                });
        Arbitrary<DhcpOption> any = Arbitraries.frequencyOf(Tuple.of(6, plain),
                Tuple.of(3, essential), Tuple.of(1, agent));
        return any.list().ofMaxSize(25).map(list -> {
            DhcpOptionsBuilder builder = DhcpOptions.builder();
            list.forEach(builder::put);
            return builder.build();
        });
    }

    private static boolean fixedLength(int code) {
        return code == 53 || code == 50 || code == 54 || code == 51 || code == 57 || code == 58 || code == 59;
    }
}
