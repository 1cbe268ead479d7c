package io.ironlease.server.omapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.ext.LeasePage;
import io.ironlease.omapi.ext.LeaseQuery;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The control object and the lease listing extension over the captures' lease file. */
class ControlAndListingTest {

    private final OmapiFixture fx = OmapiFixture.plain();

    @Test
    void controlAnswersStateZeroAndStateTwoShutsDownAfterTheReply() throws Exception {
        AtomicInteger shutdowns = new AtomicInteger();
        ControlProvider control = new ControlProvider(Runnable::run, fx.leases::whenDurable, shutdowns::incrementAndGet);
        ControlProvider.Control object = control.lookup(OmapiValues.EMPTY).orElseThrow();
        assertThat(control.render(object, fx.handles)).isEqualTo(OmapiValues.builder().putInt32("state", 0).build());
        control.update(object, OmapiValues.builder().putInt32("state", 2).build());
        CompletableFuture<Void> reply = control.whenDurable().toCompletableFuture();
        reply.get(10, TimeUnit.SECONDS);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> shutdowns.get() == 1);
        // a second request while stopping is answered and does not start another shutdown
        control.update(object, OmapiValues.builder().putInt32("state", 2).build());
        control.whenDurable().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(shutdowns.get()).isEqualTo(1);
    }

    @Test
    void controlRefusesOtherStatesAndAttributes() {
        ControlProvider control = new ControlProvider(Runnable::run, fx.leases::whenDurable, () -> {
            throw new AssertionError("no shutdown");
        });
        assertThat(status(() -> control.update(ControlProvider.Control.SERVER,
                OmapiValues.builder().putInt32("state", 1).build()))).isEqualTo(OmapiStatus.INVALID_ARGUMENT);
        assertThat(status(() -> control.update(ControlProvider.Control.SERVER,
                OmapiValues.builder().putInt32("mode", 2).build()))).isEqualTo(OmapiStatus.UNKNOWN_ATTRIBUTE);
        assertThat(control.whenDurable().toCompletableFuture()).isCompleted();
    }

    @Test
    void theListingPagesThroughEveryLeaseInAddressOrderWithFilters() throws OmapiException {
        LeaseQueryProvider listing = new LeaseQueryProvider(fx.leases);
        List<OmapiValues> all = new ArrayList<>();
        LeaseQuery query = LeaseQuery.all().withLimit(4);
        for (int pages = 0; pages < 100; pages++) {
            LeaseQuery found = listing.lookup(query.toValues()).orElseThrow();
            fx.handles.handleFor(LeaseQuery.TYPE, found);
            LeasePage page = LeasePage.fromValues(listing.render(found, fx.handles));
            all.addAll(page.leases());
            if (page.nextCursor().isEmpty()) {
                break;
            }
            query = query.withCursor(page.nextCursor().get());
        }
        assertThat(all).hasSize(27); // 192.168.100.100-126
        assertThat(all.get(0).ipv4("ip-address")).contains(Ipv4Address.parse("192.168.100.100"));
        assertThat(all.get(26).ipv4("ip-address")).contains(Ipv4Address.parse("192.168.100.126"));
        assertThat(all.get(0).contains("subnet")).isFalse();
        assertThat(fx.handles.size()).isZero(); // pages do not keep handles

        LeaseQuery freeOnes = LeaseQuery.all().withState(1);
        LeasePage free = LeasePage.fromValues(listing.render(listing.lookup(freeOnes.toValues()).orElseThrow(),
                fx.handles));
        assertThat(free.leases()).extracting(l -> l.ipv4("ip-address").orElseThrow())
                .containsExactly(Ipv4Address.parse("192.168.100.105"));
        LeaseQuery bbMacs = LeaseQuery.all().withMacPrefix(new byte[] {0x52, 0x54, 0, (byte) 0xbb})
                .withRange(Ipv4Address.parse("192.168.100.110"), Ipv4Address.parse("192.168.100.112"));
        LeasePage bb = LeasePage.fromValues(listing.render(listing.lookup(bbMacs.toValues()).orElseThrow(),
                fx.handles));
        assertThat(bb.leases()).hasSize(3);
        assertThat(bb.nextCursor()).isEmpty();
    }

    @Test
    void malformedQueriesAreRefused() {
        LeaseQueryProvider listing = new LeaseQueryProvider(fx.leases);
        assertThat(status(() -> listing.lookup(OmapiValues.builder().putInt32("colour", 1).build())))
                .isEqualTo(OmapiStatus.UNKNOWN_ATTRIBUTE);
        assertThat(status(() -> listing.lookup(OmapiValues.builder().putData("cursor", new byte[] {1, 2}).build())))
                .isEqualTo(OmapiStatus.INVALID_ARGUMENT);
    }

    private interface Call {
        void run() throws OmapiException;
    }

    private static OmapiStatus status(Call call) {
        try {
            call.run();
            return OmapiStatus.SUCCESS;
        } catch (OmapiException e) {
            return e.status();
        }
    }
}
