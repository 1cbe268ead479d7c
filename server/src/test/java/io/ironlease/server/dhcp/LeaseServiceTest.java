package io.ironlease.server.dhcp;

import static io.ironlease.server.dhcp.EngineHarness.Client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ironlease.server.engine.EngineLeaseService;
import io.ironlease.server.engine.LeaseService;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.FailoverState;
import io.ironlease.shared.leases.FailoverStateRecord;
import io.ironlease.shared.leases.HostRecord;
import io.ironlease.shared.leases.LeaseTime;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.net.Ipv4Range;
import io.ironlease.shared.net.Subnet;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The service API OMAPI providers and the lease listing use, against the engine. */
class LeaseServiceTest {

    static final String CONFIG = DhcpServerEngineTest.config("authoritative;\n")
            + "host printer { hardware ethernet 02:00:00:00:aa:01; fixed-address 10.1.0.60; }\n";

    private final EngineHarness h = new EngineHarness(CONFIG);
    private final LeaseService service = new EngineLeaseService(h.engine);

    static Ipv4Address ip(String s) {
        return Ipv4Address.parse(s);
    }

    @Test
    void findsLeasesByAddressHardwareAndClientIdWithTheirSubnetAndPool() {
        DhcpPacket ack = h.dora(Client.of(1));

        LeaseService.LeaseInfo info = service.leaseByAddress(ack.yiaddr()).orElseThrow();

        assertThat(info.lease().bindingState()).isEqualTo(BindingState.ACTIVE);
        assertThat(info.subnet().orElseThrow().subnet()).isEqualTo(Subnet.parse("10.1.0.0/24"));
        assertThat(info.pool().orElseThrow().ranges()).containsExactly(new Ipv4Range(ip("10.1.0.100"), ip("10.1.0.102")));
        assertThat(service.leasesByHardware(Client.of(1).mac())).extracting(i -> i.lease().ip()).containsExactly(ack.yiaddr());
        assertThat(service.leasesByClientId(Client.of(1).uid())).hasSize(1);
        assertThat(service.leasesByHardware(Client.of(2).mac())).isEmpty();
        assertThat(service.leaseByAddress(ip("10.1.0.101"))).isEmpty();
    }

    @Test
    void listsLeasesInAddressOrderWithFiltersAndACursor() {
        h.dora(Client.of(1));
        h.dora(Client.of(2));
        h.dora(Client.of(3));
        h.send(h.message(Client.of(2), MessageType.DHCPRELEASE, DhcpServerEngineTest.GI,
                o -> o.serverIdentifier(EngineHarness.SERVER)).toBuilder().ciaddr(ip("10.1.0.101")).build(),
                EngineHarness.relayedTo(EngineHarness.SERVER));

        LeaseService.LeasePage first = service.listLeases(new LeaseService.LeaseQuery(Optional.empty(), Set.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), 2));
        LeaseService.LeasePage rest = service.listLeases(new LeaseService.LeaseQuery(Optional.empty(), Set.of(),
                Optional.empty(), Optional.empty(), first.next(), 2));
        LeaseService.LeasePage active = service.listLeases(new LeaseService.LeaseQuery(
                Optional.of(new byte[] {2, 0, 0}), Set.of(BindingState.ACTIVE), Optional.of(Subnet.parse("10.1.0.0/24")),
                Optional.empty(), Optional.empty(), 100));

        assertThat(first.leases()).extracting(i -> i.lease().ip()).containsExactly(ip("10.1.0.100"), ip("10.1.0.101"));
        assertThat(first.next()).contains(ip("10.1.0.101"));
        assertThat(rest.leases()).extracting(i -> i.lease().ip()).containsExactly(ip("10.1.0.102"));
        assertThat(rest.next()).isEmpty();
        assertThat(active.leases()).extracting(i -> i.lease().ip()).containsExactly(ip("10.1.0.100"), ip("10.1.0.102"));
    }

    @Test
    void updatesEndsAndStateAsDhcpdDoesAndWritesThem() {
        DhcpPacket a = h.dora(Client.of(1));
        DhcpPacket b = h.dora(Client.of(2));
        long later = h.clock.epoch() + 5000;

        service.updateLease(a.yiaddr(), new LeaseService.LeaseUpdate(Optional.of(later), Optional.empty()));
        assertThat(h.durable().get(a.yiaddr()).ends()).isEqualTo(later);
        assertThat(h.durable().get(a.yiaddr()).bindingState()).isEqualTo(BindingState.ACTIVE);

        service.updateLease(a.yiaddr(), new LeaseService.LeaseUpdate(Optional.of(0L), Optional.empty()));
        assertThat(h.durable().get(a.yiaddr()).bindingState()).isEqualTo(BindingState.FREE);
        assertThat(h.durable().get(a.yiaddr()).ends()).isEqualTo(LeaseTime.UNSET);

        service.updateLease(b.yiaddr(), new LeaseService.LeaseUpdate(Optional.empty(), Optional.of(BindingState.ABANDONED)));
        assertThat(h.durable().get(b.yiaddr()).bindingState()).isEqualTo(BindingState.ABANDONED);
        assertThatThrownBy(() -> service.updateLease(ip("10.1.0.102"),
                new LeaseService.LeaseUpdate(Optional.empty(), Optional.of(BindingState.FREE))))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> service.updateLease(a.yiaddr(),
                new LeaseService.LeaseUpdate(Optional.empty(), Optional.of(BindingState.BACKUP))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(service.whenDurable()).isCompleted();
    }

    @Test
    void hostsAreAddedChangedAndRemovedAsDhcpdWritesThem() {
        HardwareAddress mac = HardwareAddress.parseEthernet("02:00:00:00:bb:01");
        service.addHost(new HostRecord("omapi-1", false, false, mac, null, List.of(ip("10.1.0.70")), null, List.of()));

        assertThat(service.hostByName("omapi-1").orElseThrow().dynamic()).isTrue();
        assertThat(h.records()).contains(new HostRecord("omapi-1", true, false, mac, null,
                List.of(ip("10.1.0.70")), null, List.of()));
        assertThat(h.dora(new Client(mac, null)).yiaddr()).as("the new host's reservation is served")
                .isEqualTo(ip("10.1.0.70"));
        assertThatThrownBy(() -> service.addHost(new HostRecord("omapi-1", true, false, mac, null, List.of(), null,
                List.of()))).isInstanceOf(IllegalStateException.class);

        service.updateHost("omapi-1", new HostRecord("omapi-1", true, false, mac, null, List.of(ip("10.1.0.71")), null,
                List.of()));
        assertThat(service.hostsByHardware(mac)).extracting(e -> e.fixedAddresses().get(0).text())
                .containsExactly("10.1.0.71");

        service.removeHost("omapi-1");
        service.removeHost("printer");
        assertThat(service.hostByName("omapi-1")).isEmpty();
        assertThat(h.records()).contains(HostRecord.rubout("omapi-1", true), HostRecord.rubout("printer", false));
        assertThat(h.engine.snapshot().hostRubouts()).as("a dhcpd.conf host's rubout outlives compaction")
                .containsExactly(HostRecord.rubout("printer", false));
    }

    @Test
    void failoverStateRecordsAndPeerBindingsAreDurable() {
        FailoverStateRecord state = new FailoverStateRecord("peer", FailoverState.NORMAL, 1_700_000_000L,
                FailoverState.NORMAL, 1_700_000_000L, Optional.of(Duration.ofSeconds(3600)));
        service.recordFailoverState(state);
        var peerLease = io.ironlease.shared.leases.Lease.builder(ip("10.1.0.102")).bindingState(BindingState.BACKUP).build();
        service.applyPeerBinding(peerLease);

        assertThat(h.records()).contains(state);
        assertThat(h.durable().get(ip("10.1.0.102"))).isEqualTo(peerLease);
        assertThat(h.engine.snapshot().failoverState("peer")).contains(state);
    }

    @Test
    void submitRunsOnTheEngineAndCompletesWhenDurable() throws Exception {
        DhcpPacket ack = h.dora(Client.of(1));

        var result = service.submit(s -> s.updateLease(ack.yiaddr(),
                new LeaseService.LeaseUpdate(Optional.empty(), Optional.of(BindingState.FREE))));

        h.engine.flush();
        assertThat(result.toCompletableFuture().get().lease().bindingState()).isEqualTo(BindingState.FREE);
        assertThat(service.subnets()).hasSize(2);
        assertThat(service.pools()).hasSize(2);
    }
}
