package io.ironlease.server.omapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiFrame;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.omapi.wire.Opcode;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.net.Ipv4Address;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** failover-state from dhcpd.conf and the lease file, against the f21-f23 captures. */
class FailoverStateProviderTest {

    private OmapiFixture fx;
    private FailoverStateProvider provider;

    @BeforeEach
    void setUp() {
        fx = OmapiFixture.failover();
        provider = new FailoverStateProvider(new ConfiguredFailoverStates(fx.config.failoverPeers(), fx.engine,
                fx.leases, fx.clock), Runnable::run, fx.leases::whenDurable);
    }

    private static OmapiValues name(String name) {
        return OmapiValues.builder().putString("name", name).build();
    }

    /** dhcpd's f21 reply with the configured addresses where dhcpd sent 8 bytes of a heap pointer. */
    private static OmapiValues capturedWithRealAddresses() {
        for (OmapiFrame frame : GoldenVectors.load("f21-failover-state-open").serverMessages()) {
            if (frame.message().op() == Opcode.UPDATE && frame.message().object().contains("local-state")) {
                OmapiValues theirs = frame.message().object();
                assertThat(theirs.raw("partner-address").orElseThrow()).hasSize(8);
                return theirs.toBuilder().putIpv4("partner-address", Ipv4Address.parse("127.0.0.2"))
                        .putIpv4("local-address", Ipv4Address.parse("127.0.0.1")).build();
            }
        }
        throw new AssertionError("no failover-state reply in f21");
    }

    @Test
    void aPrimaryWithoutStoredStateAnswersAsDhcpdInItsFirstSecondsWithTheRealAddresses() throws OmapiException {
        String found = provider.lookup(name("omlab-failover")).orElseThrow();
        OmapiValues ours = provider.render(found, fx.handles);
        assertThat(ours.names()).hasSize(19);
        assertThat(ours).isEqualTo(capturedWithRealAddresses());
    }

    @Test
    void unknownPeersAndMissingNamesGetDhcpdsStatuses() throws OmapiException {
        assertThat(provider.lookup(name("no-such-peer"))).isEmpty();
        try {
            provider.lookup(OmapiValues.EMPTY);
            throw new AssertionError("no exception");
        } catch (OmapiException e) {
            assertThat(e.status()).isEqualTo(OmapiStatus.NO_KEYS);
        }
        OmapiFixture plain = OmapiFixture.plain();
        FailoverStateProvider none = new FailoverStateProvider(new ConfiguredFailoverStates(
                plain.config.failoverPeers(), plain.engine, plain.leases, plain.clock), Runnable::run,
                plain.leases::whenDurable);
        assertThat(none.lookup(name("omlab-failover"))).isEmpty();
    }

    @Test
    void partnerDownIsReportedAndRecordedAsDhcpdRecordsIt() throws OmapiException {
        provider.update("omlab-failover", OmapiValues.builder().putInt32("local-state", 4).build());
        CompletableFuture<Void> durable = provider.whenDurable().toCompletableFuture();
        fx.flush();
        assertThat(durable).isCompleted();
        assertThat(provider.render("omlab-failover", fx.handles).int32("local-state"))
                .hasValue(FailoverState.PARTNER_DOWN.code());
        String dhcpd = OmapiFixture.text("/omapi/conf/dhcpd-failover-after.leases");
        String record = dhcpd.substring(dhcpd.indexOf("\nfailover peer \"omlab-failover\" state {\n  my state partner-down"),
                dhcpd.indexOf("lease 192.168.100.100"));
        assertThat(fx.appended()).isEqualTo(record);
    }

    @Test
    void readOnlyAttributesAreRefusedUnlessRepeatedAndUnknownCannotBeSet() {
        assertThat(status(OmapiValues.builder().putInt32("mclt", 60).build())).isEqualTo(OmapiStatus.PERMISSION_DENIED);
        assertThat(status(OmapiValues.builder().putInt32("mclt", 300).build())).isEqualTo(OmapiStatus.SUCCESS);
        assertThat(status(OmapiValues.builder().putInt32("local-state", 0).build()))
                .isEqualTo(OmapiStatus.INVALID_ARGUMENT);
        assertThat(status(OmapiValues.builder().putInt32("local-state", 77).build()))
                .isEqualTo(OmapiStatus.INVALID_ARGUMENT);
        assertThat(status(OmapiValues.builder().putInt32("bogus", 1).build())).isEqualTo(OmapiStatus.UNKNOWN_ATTRIBUTE);
        assertThat(fx.appended()).isEmpty();
    }

    private OmapiStatus status(OmapiValues values) {
        try {
            provider.update("omlab-failover", values);
            return OmapiStatus.SUCCESS;
        } catch (OmapiException e) {
            return e.status();
        }
    }
}
