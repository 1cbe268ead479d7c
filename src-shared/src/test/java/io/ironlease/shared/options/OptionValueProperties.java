package io.ironlease.shared.options;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.config.ConfigError;
import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.config.ConfigResult;
import io.ironlease.shared.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated option types and values: wire bytes decode to the same value; the ISC text, written in a
 * config after an {@code option NAME code N = TYPE;} definition of the same type, parses back to it;
 * and arbitrary bytes never escape decode as anything but OptionDecodeException.
 */
class OptionValueProperties {

    private static final List<OptionAtom> FIXED = List.of(OptionAtom.IP_ADDRESS, OptionAtom.IP6_ADDRESS,
            OptionAtom.INT32, OptionAtom.UINT32, OptionAtom.INT16, OptionAtom.UINT16, OptionAtom.INT8,
            OptionAtom.UINT8, OptionAtom.FLAG);
    private static final List<OptionAtom> TAIL = List.of(OptionAtom.TEXT, OptionAtom.STRING, OptionAtom.DOMAIN_NAME,
            OptionAtom.DOMAIN_LIST, OptionAtom.DOMAIN_LIST_COMPRESSED);

    /** A type and a value of it. */
    record Sample(OptionType type, OptionValue value) {
    }

    @Property(tries = 500)
    void wireRoundTrip(@ForAll("samples") Sample sample) throws OptionDecodeException {
        byte[] wire = sample.value().encode();
        assertThat(OptionValue.decode(sample.type(), wire)).isEqualTo(sample.value());
    }

    @Property(tries = 300)
    void textRoundTripThroughTheConfigParser(@ForAll("samples") Sample sample) {
        String config = "option space gen;\noption gen.x code 1 = " + sample.type().typeText() + ";\n"
                + "option gen.x " + sample.value().toIscText() + ";\n";
        ConfigResult result = ConfigLoader.parse("gen.conf", config);
        assertThat(result.errors()).as(config).extracting(ConfigError::toString).isEmpty();
        OptionValue parsed = result.config().global().option("gen.x").orElseThrow().value().orElseThrow();
        assertThat(parsed).as(config).isEqualTo(sample.value());
    }

    @Property(tries = 1000)
    void arbitraryBytesDecodeOrFailCleanly(@ForAll("standardTypes") OptionType type,
            @ForAll("bytes") byte[] data) {
        try {
            OptionValue value = OptionValue.decode(type, data);
            assertThat(value.type()).isEqualTo(type);
        } catch (OptionDecodeException expected) {
            assertThat(expected.offset()).isBetween(0, data.length);
        }
    }

    @Provide
    Arbitrary<OptionType> standardTypes() {
        List<OptionType> types = new ArrayList<>();
        OptionRegistry registry = OptionRegistry.standard();
        registry.spaceNames().forEach(space -> registry.definitions(space).forEach(d -> types.add(d.type())));
        return Arbitraries.of(types);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Sample> samples() {
        Arbitrary<OptionType> types = Arbitraries.oneOf(
                Arbitraries.of(FIXED).map(OptionType::of),
                Arbitraries.of(TAIL).map(OptionType::of),
                Arbitraries.of(FIXED).map(OptionType::arrayOf),
                Combinators.combine(Arbitraries.of(FIXED).list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(TAIL))
                        .as((fixed, tail) -> record(fixed, tail, OptionType.Repeat.NONE)),
                Arbitraries.of(FIXED).list().ofMinSize(2).ofMaxSize(3)
                        .map(fixed -> record(fixed, null, OptionType.Repeat.ALL)),
                Arbitraries.of(FIXED).list().ofMinSize(2).ofMaxSize(3)
                        .map(fixed -> record(fixed, null, OptionType.Repeat.LAST)));
        return types.flatMap(type -> values(type).map(value -> new Sample(type, value)));
    }

    private static OptionType record(List<OptionAtom> fixed, OptionAtom tail, OptionType.Repeat repeat) {
        List<OptionType.Field> fields = new ArrayList<>();
        fixed.forEach(a -> fields.add(OptionType.Field.of(a)));
        if (tail != null) {
            fields.add(OptionType.Field.of(tail));
        }
        return new OptionType(fields, repeat, false);
    }

    private static Arbitrary<OptionValue> values(OptionType type) {
        int n = type.fields().size();
        Arbitrary<Integer> count = switch (type.repeat()) {
            case NONE -> Arbitraries.just(n);
            case ALL -> Arbitraries.integers().between(1, 4).map(k -> k * n);
            case LAST -> Arbitraries.integers().between(n, n + 3);
        };
        return count.flatMap(k -> {
            List<Arbitrary<OptionValue.Element>> parts = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                OptionType.Field field = type.repeat() == OptionType.Repeat.ALL ? type.fields().get(i % n)
                        : type.fields().get(Math.min(i, n - 1));
                parts.add(element(field.atom()));
            }
            return Combinators.combine(parts).as(elements -> new OptionValue(type, elements));
        });
    }

    private static Arbitrary<OptionValue.Element> element(OptionAtom atom) {
        return switch (atom) {
            case IP_ADDRESS -> Arbitraries.integers().map(bits -> new OptionValue.Address(HostRef.of(new Ipv4Address(bits))));
            case IP6_ADDRESS -> Arbitraries.bytes().array(byte[].class).ofSize(16).map(OptionValue.Address6::new);
            case FLAG -> Arbitraries.of(true, false).map(OptionValue.Flag::new);
            case TEXT -> Arbitraries.bytes().array(byte[].class).ofMaxSize(12).map(OptionValue.Text::new);
            case STRING -> Arbitraries.bytes().array(byte[].class).ofMaxSize(12).map(OptionValue.Data::new);
            case DOMAIN_NAME -> names().map(OptionValue.DomainName::new);
            case DOMAIN_LIST, DOMAIN_LIST_COMPRESSED -> names().list().ofMinSize(1).ofMaxSize(4).map(OptionValue.DomainList::new);
            default -> Arbitraries.longs().between(atom.minValue(), atom.maxValue()).map(OptionValue.Int::new);
        };
    }

    private static Arbitrary<String> names() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcxyz019-").ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.startsWith("-") && !s.chars().allMatch(Character::isDigit));
        return Arbitraries.oneOf(Arbitraries.just("example.org"), label.list().ofMinSize(1).ofMaxSize(4)
                .map(labels -> String.join(".", labels)));
    }
}
