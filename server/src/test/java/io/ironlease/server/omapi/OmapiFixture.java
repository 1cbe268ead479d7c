package io.ironlease.server.omapi;

import io.ironlease.omapi.server.HandleRegistry;
import io.ironlease.server.alloc.AddressPlan;
import io.ironlease.server.alloc.AllocationEngine;
import io.ironlease.server.alloc.HostTable;
import io.ironlease.server.alloc.LeaseOwnershipPolicy;
import io.ironlease.server.dhcp.CachedHostResolver;
import io.ironlease.server.engine.EngineLeaseService;
import io.ironlease.server.engine.LeaseEngine;
import io.ironlease.server.engine.LeaseService;
import io.ironlease.server.store.InMemoryLeaseStore;
import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.leases.LeaseFileReader;
import io.ironlease.shared.leases.LeaseFileRecord;
import io.ironlease.shared.leases.LeaseFileWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A lease engine without threads for provider tests: the configuration and lease file the OMAPI
 * captures ran with (test resources under {@code omapi/conf}), an in-memory store, calls run inline,
 * a clock fixed at the capture's time.
 */
final class OmapiFixture {

    /** When the plain captures ran: after the leases were made, before p01. */
    static final Instant PLAIN_CAPTURE = Instant.parse("2026-11-24T23:10:40Z");
    /** When the failover captures ran: the primary's start (f21's stos 0x6b06197e). */
    static final Instant FAILOVER_CAPTURE = Instant.ofEpochSecond(0x6b06197eL);

    final DhcpConfig config;
    final Clock clock;
    final InMemoryLeaseStore store;
    final LeaseEngine engine;
    final LeaseService leases;
    final HandleRegistry handles = new HandleRegistry();
    private final int initialRecords;

    OmapiFixture(String configResource, String leasesResource, Instant now) {
        try {
            config = ConfigLoader.parseStrict(configResource, text(configResource));
            List<LeaseFileRecord> initial = new ArrayList<>();
            try (LeaseFileReader reader = LeaseFileReader.of(new ByteArrayInputStream(
                    text(leasesResource).getBytes(StandardCharsets.UTF_8)), leasesResource, LeaseFileReader.Options.strict())) {
                reader.read(initial::add);
            }
            initialRecords = initial.size();
            clock = Clock.fixed(now, ZoneOffset.UTC);
            store = new InMemoryLeaseStore(initial);
            CachedHostResolver resolver = new CachedHostResolver(name -> List.of());
            AllocationEngine alloc = new AllocationEngine(AddressPlan.build(config), HostTable.of(config),
                    LeaseOwnershipPolicy.STANDALONE, resolver);
            engine = new LeaseEngine(alloc, store, Runnable::run, clock);
            engine.replay();
            leases = new EngineLeaseService(engine);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static OmapiFixture plain() {
        return new OmapiFixture("/omapi/conf/dhcpd-plain.conf", "/omapi/conf/dhcpd-plain-before.leases", PLAIN_CAPTURE);
    }

    static OmapiFixture failover() {
        return new OmapiFixture("/omapi/conf/dhcpd-failover.conf", "/omapi/conf/dhcpd-failover-leases.leases",
                FAILOVER_CAPTURE);
    }

    /** Hands queued changes to the store (what the engine loop does after each batch). */
    void flush() {
        engine.flush();
    }

    /** The records written since the fixture was built, as dhcpd.leases text. */
    String appended() {
        flush();
        List<LeaseFileRecord> all = store.records();
        StringBuilder out = new StringBuilder();
        LeaseFileWriter writer = new LeaseFileWriter();
        for (LeaseFileRecord record : all.subList(initialRecords, all.size())) {
            out.append(new String(writer.encode(record), StandardCharsets.ISO_8859_1));
        }
        return out.toString();
    }

    static String text(String resource) {
        try (InputStream in = OmapiFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
