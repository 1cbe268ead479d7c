package io.ironlease.server.failover.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class FailoverCodecProperties {

    /** A generated message: raw bytes with modelled options in the type's order, unmodelled ones after. */
    record Generated(FailoverMessageType type, byte[] bytes) {
    }

    @Property(tries = 2000)
    void generatedMessagesRoundTripExactly(@ForAll("messages") Generated generated) throws Exception {
        FailoverMessage decoded = FailoverCodec.decode(generated.bytes());
        assertThat(decoded.type()).isEqualTo(generated.type());
        byte[] encoded = FailoverCodec.encode(decoded);
        assertThat(encoded).isEqualTo(generated.bytes());
        assertThat(FailoverCodec.decode(encoded)).isEqualTo(decoded);
    }

    @Property(tries = 3000)
    void arbitraryBytesOnlyEverRaiseTheProtocolException(@ForAll @Size(max = 80) byte[] junk) {
        decodeQuietly(junk);
    }

    @Property(tries = 3000)
    void arbitraryBodiesBehindAValidHeaderOnlyEverRaiseTheProtocolException(
            @ForAll("types") int type, @ForAll @Size(max = 120) byte[] body) {
        byte[] frame = new byte[12 + body.length];
        frame[0] = (byte) (frame.length >>> 8);
        frame[1] = (byte) frame.length;
        frame[2] = (byte) type;
        frame[3] = 12;
        System.arraycopy(body, 0, frame, 12, body.length);
        decodeQuietly(frame);
    }

    private static void decodeQuietly(byte[] frame) {
        try {
            FailoverMessage message = FailoverCodec.decode(frame);
            assertThat(FailoverCodec.decode(FailoverCodec.encode(message))).isEqualTo(message);
        } catch (FailoverProtocolException expected) {
            assertThat(expected.offset()).isBetween(0, Math.max(0, frame.length));
        }
    }

    @Provide
    Arbitrary<Integer> types() {
        return Arbitraries.integers().between(0, 14);
    }

    @Provide
    Arbitrary<Generated> messages() {
        return Arbitraries.of(FailoverMessageType.values()).flatMap(type -> {
            List<FailoverOptionCode> order = FailoverCodec.optionOrder(type);
            Arbitrary<List<byte[]>> modelled = Combinators.combine(order.stream()
                    .map(code -> optionData(code).injectNull(0.4)).toList()).as(list -> list);
            Arbitrary<List<byte[]>> extras = extraOption(order).list().ofMaxSize(3);
            Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xffff_ffffL);
            return Combinators.combine(u32, u32, modelled, extras).as((time, xid, fields, more) -> {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                for (int i = 0; i < order.size(); i++) {
                    if (fields.get(i) != null) {
                        writeOption(body, order.get(i).code(), fields.get(i));
                    }
                }
                for (byte[] option : more) {
                    body.writeBytes(option);
                }
                byte[] options = body.toByteArray();
                byte[] frame = new byte[12 + options.length];
                frame[0] = (byte) (frame.length >>> 8);
                frame[1] = (byte) frame.length;
                frame[2] = (byte) type.code();
                frame[3] = 12;
                for (int i = 0; i < 4; i++) {
                    frame[4 + i] = (byte) (time >>> (24 - 8 * i));
                    frame[8 + i] = (byte) (xid >>> (24 - 8 * i));
                }
                System.arraycopy(options, 0, frame, 12, options.length);
                return new Generated(type, frame);
            });
        });
    }

    private static Arbitrary<byte[]> optionData(FailoverOptionCode code) {
        int fixed = code.kind().fixedLength();
        return fixed >= 0 ? Arbitraries.bytes().array(byte[].class).ofSize(fixed)
                : Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
    }

    private static Arbitrary<byte[]> extraOption(List<FailoverOptionCode> modelled) {
        Arbitrary<Integer> code = Arbitraries.integers().between(0, 0xffff)
                .filter(c -> modelled.stream().noneMatch(m -> m.code() == c));
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(20);
        return Combinators.combine(code, data).as((c, d) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writeOption(out, c, d);
            return out.toByteArray();
        });
    }

    private static void writeOption(ByteArrayOutputStream out, int code, byte[] data) {
        out.write(code >>> 8);
        out.write(code);
        out.write(data.length >>> 8);
        out.write(data.length);
        out.writeBytes(data);
    }
}
