package io.ironlease.omapi.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Round trips of generated messages; arbitrary bytes never raise anything but OmapiProtocolException. */
class OmapiCodecProperties {

    @Property
    void encodeThenDecodeGivesTheSameMessage(@ForAll("messages") OmapiMessage message) throws OmapiProtocolException {
        byte[] bytes = OmapiCodec.encode(message);
        assertThat(bytes).hasSize(OmapiCodec.encodedLength(message, message.authLength()));
        assertThat(OmapiCodec.frameLength(ByteBuffer.wrap(bytes), Integer.MAX_VALUE)).isEqualTo(bytes.length);
        assertThat(OmapiCodec.decode(bytes)).isEqualTo(message);
    }

    @Property
    void everyProperPrefixIsIncomplete(@ForAll("messages") OmapiMessage message, @ForAll @IntRange(min = 0, max = 10_000) int cut)
            throws OmapiProtocolException {
        byte[] bytes = OmapiCodec.encode(message);
        int length = cut % bytes.length;
        assertThat(OmapiCodec.frameLength(ByteBuffer.wrap(bytes, 0, length), Integer.MAX_VALUE)).isEqualTo(-1);
    }

    @Property
    void arbitraryBytesDecodeOrFailWithOffset(@ForAll @Size(max = 200) byte[] bytes) {
        try {
            OmapiMessage message = OmapiCodec.decode(bytes);
            assertThat(OmapiCodec.encode(message)).isEqualTo(bytes);
        } catch (OmapiProtocolException e) {
            assertThat(e.offset()).isBetween(0, bytes.length);
        }
        try {
            int length = OmapiCodec.frameLength(ByteBuffer.wrap(bytes), 128);
            assertThat(length).isBetween(-1, Math.min(bytes.length, 128));
        } catch (OmapiProtocolException e) {
            assertThat(e.offset()).isGreaterThanOrEqualTo(0);
        }
    }

    @Property
    void mutatedMessagesDecodeOrFailCleanly(@ForAll("messages") OmapiMessage message,
            @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll byte replacement) {
        byte[] bytes = OmapiCodec.encode(message);
        bytes[position % bytes.length] = replacement;
        try {
            assertThat(OmapiCodec.encode(OmapiCodec.decode(bytes))).isEqualTo(bytes);
        } catch (OmapiProtocolException e) {
            assertThat(e.offset()).isBetween(0, bytes.length);
        }
    }

    @Property
    void statusesAlwaysHaveText(@ForAll int code) {
        OmapiStatus status = OmapiStatus.valueOf(code);
        assertThat(status.code()).isEqualTo(code);
        assertThat(status.text()).isNotEmpty();
        assertThat(status).isEqualTo(OmapiStatus.valueOf(code));
    }

    @Provide
    Arbitrary<OmapiMessage> messages() {
        Arbitrary<Integer> ints = Arbitraries.integers();
        Arbitrary<Opcode> ops = Arbitraries.of(Opcode.class);
        Arbitrary<byte[]> signatures = Arbitraries.of(0, 16, 32, 64)
                .flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
        return Combinators.combine(ints, ops, ints, ints, ints, values(), values(), signatures)
                .as(OmapiMessage::new);
    }

    private Arbitrary<OmapiValues> values() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange((char) 0, (char) 0xff).ofMinLength(1).ofMaxLength(20);
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        return Combinators.combine(names, data).as(OmapiValues.Entry::new).list().ofMaxSize(6).map(entries -> {
            OmapiValues.Builder builder = OmapiValues.builder();
            entries.forEach(e -> builder.append(e.name(), e.value()));
            return builder.build();
        });
    }
}
