package io.ironlease.server.failover.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.net.Ipv4Address;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every message two ISC dhcpd 4.4.3 servers exchanged in the lab decodes as the lab decoder saw it and re-encodes byte for byte. */
class FailoverCodecGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"capture.txt", "disconnect.txt", "conflict.txt", "takeover.txt"})
    void everyCapturedMessageDecodesToTheDecoderLineAndReencodesIdentically(String file) throws Exception {
        List<GoldenVectors.Vector> vectors = GoldenVectors.load(file);
        assertThat(vectors).hasSizeGreaterThan(100);
        Map<FailoverMessageType, Integer> seen = new EnumMap<>(FailoverMessageType.class);
        for (GoldenVectors.Vector v : vectors) {
            FailoverMessage message = FailoverCodec.decode(v.bytes());
            assertThat(DecodeLine.render(message, v.bytes().length)).as(v.toString()).isEqualTo(v.decoded());
            assertThat(message.extra().isEmpty()).as(v.toString()).isTrue();
            assertThat(FailoverCodec.encode(message)).as(v.toString()).isEqualTo(v.bytes());
            seen.merge(message.type(), 1, Integer::sum);
        }
        assertThat(seen).containsKeys(FailoverMessageType.CONNECT, FailoverMessageType.CONNECTACK,
                FailoverMessageType.STATE, FailoverMessageType.BNDUPD, FailoverMessageType.BNDACK,
                FailoverMessageType.UPDDONE);
    }

    @Test
    void connectFromTheColdStartCarriesTheSeedParameters() throws Exception {
        Connect connect = (Connect) FailoverCodec.decode(GoldenVectors.load("capture.txt").get(0).bytes());
        assertThat(connect.xid()).isZero();
        assertThat(connect.time()).isEqualTo(0x6b062129L);
        assertThat(connect.relationshipName()).contains("failover-dhcp");
        assertThat(connect.maxUnacked()).hasValue(10);
        assertThat(connect.receiveTimer()).hasValue(60);
        assertThat(connect.vendorClass()).contains("isc-4.4.3-P1");
        assertThat(connect.protocolVersion()).hasValue(1);
        assertThat(connect.tlsRequest()).hasValue(0);
        assertThat(connect.mclt()).hasValue(60);
        assertThat(connect.hashBucketAssignment()).contains(
                Bytes.fromHex("ffffffffffffffffffffffffffffffff00000000000000000000000000000000"));
    }

    @Test
    void rejectingConnectAckCarriesReasonAndMessageButNoTimers() throws Exception {
        ConnectAck ack = GoldenVectors.load("disconnect.txt").stream()
                .map(v -> decodeUnchecked(v.bytes()))
                .filter(m -> m instanceof ConnectAck a && a.rejected())
                .map(ConnectAck.class::cast).findFirst().orElseThrow();
        assertThat(ack.rejectReason()).hasValue(RejectReason.INVALID_PARTNER.code());
        assertThat(ack.message()).contains("unknown failover relationship name");
        assertThat(ack.maxUnacked()).isEmpty();
        assertThat(ack.receiveTimer()).isEmpty();
        assertThat(ack.tlsReply()).hasValue(0);
        assertThat(FailoverCodec.encode(ack)).hasSize(98);
    }

    @Test
    void activeBindingUpdateFromConflictHasChaddrAndCltt() throws Exception {
        BindingUpdate update = GoldenVectors.load("conflict.txt").stream()
                .map(v -> decodeUnchecked(v.bytes()))
                .filter(m -> m instanceof BindingUpdate u && u.bindingStatus().equals(OptionalInt.of(2)) && u.xid() == 7)
                .map(BindingUpdate.class::cast).findFirst().orElseThrow();
        assertThat(update.assignedAddress()).contains(Ipv4Address.parse("192.168.100.42"));
        assertThat(update.clientHardwareAddress()).contains(Bytes.fromHex("01020000000510"));
        assertThat(update.leaseExpirationTime().getAsLong() - update.time()).isEqualTo(57);
        assertThat(update.clientLastTransactionTime().getAsLong() - update.time()).isEqualTo(-3);
        assertThat(update.clientIdentifier()).isEmpty();
    }

    @Test
    void builtMessagesMatchTheCapturedBytes() {
        // STATE(recover, STARTUP, stos) from the notes: 001e 0a 0c ... | 0018 0001 06 | 0017 0001 01 | 0019 0004 stos
        StateChange state = new StateChange(0x6b062129L, 0, 6, 1, 0x6b062129L);
        assertThat(Bytes.of(FailoverCodec.encode(state)).hex())
                .isEqualTo("001e0a0c6b0621290000000000180001060017000101001900046b062129");
        BindingAck ack = BindingAck.reject(0x6b062129L, 4, Ipv4Address.parse("192.168.100.33"), 16,
                "incoming update is less critical than outgoing update");
        assertThat(FailoverCodec.encode(ack)).hasSize(82);
        assertThat(FailoverCodec.encode(new Contact(0x6b061925L, 0x160))).isEqualTo(Bytes.fromHex("000c0b0c6b06192500000160").toArray());
        PoolResponse response = new PoolResponse(1, 2, OptionalLong.of(111), FailoverOptions.NONE);
        assertThat(Bytes.of(FailoverCodec.encode(response)).hex()).isEqualTo("0014020c0000000100000002000100040000006f");
        Disconnect disconnect = new Disconnect(1, 3, OptionalInt.of(8), Optional.of("x"), FailoverOptions.NONE);
        assertThat(Bytes.of(FailoverCodec.encode(disconnect)).hex()).isEqualTo("0016 0c0c 00000001 00000003 0015000108 0010000178".replace(" ", ""));
    }

    private static FailoverMessage decodeUnchecked(byte[] bytes) {
        try {
            return FailoverCodec.decode(bytes);
        } catch (FailoverProtocolException e) {
            throw new AssertionError(e);
        }
    }
}
