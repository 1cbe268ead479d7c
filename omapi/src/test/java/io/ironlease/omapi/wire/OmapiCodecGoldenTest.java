package io.ironlease.omapi.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.testing.GoldenVectors.Session;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every message captured between ISC omshell and dhcpd 4.4.3 decodes and re-encodes to the same bytes. */
class OmapiCodecGoldenTest {

    static List<String> sessions() {
        return GoldenVectors.SESSIONS;
    }

    @ParameterizedTest
    @MethodSource("sessions")
    void everyCapturedMessageRoundTripsByteForByte(String name) {
        Session session = GoldenVectors.load(name);
        for (byte[] stream : List.of(session.clientStream(), session.serverStream())) {
            ByteArrayOutputStream reencoded = new ByteArrayOutputStream();
            reencoded.writeBytes(OmapiCodec.encodeStartup(StartupMessage.ISC));
            for (OmapiFrame frame : GoldenVectors.split(stream)) {
                byte[] again = OmapiCodec.encode(frame.message());
                assertThat(again).as("%s %s", name, frame.message()).isEqualTo(frame.bytes());
                reencoded.writeBytes(again);
            }
            assertThat(reencoded.toByteArray()).isEqualTo(stream);
        }
    }

    @Test
    void sessionsHaveTheMessageCountsOfTheTranscripts() {
        // "===" blocks in each transcript, minus the two start-up messages
        assertThat(count("p05-lease-by-ip")).isEqualTo(14);
        assertThat(count("p07-host-create")).isEqualTo(10);
        assertThat(count("p99-control-shutdown")).isEqualTo(5);
        assertThat(count("f21-failover-state-open")).isEqualTo(6);
    }

    private static int count(String name) {
        Session session = GoldenVectors.load(name);
        return session.clientMessages().size() + session.serverMessages().size();
    }

    @Test
    void p05LeaseOpenByIpAndItsReply() {
        Session session = GoldenVectors.load("p05-lease-by-ip");
        OmapiMessage open = session.clientMessages().get(1).message();
        assertThat(open.authId()).isEqualTo(1);
        assertThat(open.authLength()).isEqualTo(16);
        assertThat(open.op()).isEqualTo(Opcode.OPEN);
        assertThat(open.handle()).isZero();
        assertThat(open.id()).isEqualTo(0x6b8b4568);
        assertThat(open.rid()).isZero();
        assertThat(open.message().names()).containsExactly("type");
        assertThat(open.message().string("type")).contains("lease");
        assertThat(open.object().ipv4("ip-address")).contains(Ipv4Address.parse("192.168.100.100"));
        assertThat(HexFormat.of().formatHex(open.signature())).isEqualTo("eed2a4ee471c152d25973118cc54abaa");

        OmapiMessage reply = session.serverMessages().get(1).message();
        assertThat(reply.op()).isEqualTo(Opcode.UPDATE);
        assertThat(reply.handle()).isEqualTo(2);
        assertThat(reply.rid()).isEqualTo(open.id());
        assertThat(reply.message().isEmpty()).isTrue();
        OmapiValues lease = reply.object();
        assertThat(lease.names()).containsExactly("state", "ip-address", "dhcp-client-identifier", "client-hostname",
                "subnet", "pool", "hardware-address", "hardware-type", "ends", "starts", "tstp", "tsfp", "atsfp",
                "cltt", "flags");
        assertThat(lease.int32("state")).hasValue(2);
        assertThat(lease.data("dhcp-client-identifier")).hasValue(HexFormat.of().parseHex("01525400aa0001"));
        assertThat(lease.string("client-hostname")).contains("lab-client-01");
        assertThat(lease.int32("subnet")).hasValue(3);
        assertThat(lease.int32("pool")).hasValue(4);
        assertThat(lease.hardwareAddress()).contains(HardwareAddress.parseEthernet("52:54:00:aa:00:01"));
        assertThat(lease.time("ends")).contains(Instant.parse("2026-11-25T00:10:27Z"));
        assertThat(lease.time("tstp")).contains(Instant.EPOCH);
        assertThat(lease.data("flags")).hasValue(new byte[] {0});
    }

    @Test
    void p07HostCreateSendsCreateExclusiveTypeInThatOrder() {
        Session session = GoldenVectors.load("p07-host-create");
        OmapiMessage create = session.clientMessages().get(1).message();
        assertThat(create.message().names()).containsExactly("create", "exclusive", "type");
        assertThat(create.message().int32("create")).hasValue(1);
        assertThat(create.message().int32("exclusive")).hasValue(1);
        assertThat(create.object().names()).containsExactly("name", "hardware-address", "hardware-type", "ip-address");
        assertThat(create.object().string("name")).contains("omapi-host-1");

        OmapiMessage duplicate = session.serverMessages().get(3).message();
        assertThat(duplicate.op()).isEqualTo(Opcode.STATUS);
        assertThat(duplicate.handle()).isZero();
        assertThat(duplicate.message().int32("result")).hasValue(OmapiStatus.EXISTS.code());
        assertThat(duplicate.message().string("message")).contains("can't update object");
    }

    @Test
    void f21FailoverStateHasNineteenAttributesIncludingTheGarbageAddresses() {
        Session session = GoldenVectors.load("f21-failover-state-open");
        OmapiValues state = session.serverMessages().get(1).message().object();
        assertThat(state.size()).isEqualTo(19);
        assertThat(state.string("name")).contains("omlab-failover");
        assertThat(state.data("partner-address")).get().extracting(b -> b.length).isEqualTo(8);
        assertThat(state.int32("partner-port")).hasValue(847);
        assertThat(state.int32("mclt")).hasValue(300);
        assertThat(state.data("load-balance-hba")).hasValue(HexFormat.of().parseHex(
                "ffffffffffffffffffffffffffffffff00000000000000000000000000000000"));
        assertThat(state.int32("local-state")).hasValue(1);
        assertThat(state.names().get(state.size() - 1)).isEqualTo("cur-unacked-updates");
    }

    @Test
    void p02UnsignedStatusCarriesResultAndMessage() {
        OmapiMessage status = GoldenVectors.load("p02-connect-nokey").serverMessages().get(0).message();
        assertThat(status.isSigned()).isFalse();
        assertThat(status.authId()).isZero();
        assertThat(OmapiStatus.valueOf(status.message().int32("result").getAsInt())).isEqualTo(OmapiStatus.NO_KEYS);
        assertThat(status.message().string("message")).contains("No authenticator on message");
    }

    @Test
    void p15UnsetSendsAZeroLengthValue() {
        Session session = GoldenVectors.load("p15-lease-update");
        boolean sawNull = session.clientMessages().stream()
                .anyMatch(f -> f.message().object().isNull("client-hostname"));
        assertThat(sawNull).isTrue();
    }
}
