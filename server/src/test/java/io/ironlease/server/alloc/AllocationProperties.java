package io.ironlease.server.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.config.ConfigLoader;
import io.ironlease.shared.config.model.DhcpConfig;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import io.ironlease.shared.options.HostResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random client behaviour against the allocation engine: whatever the sequence of DISCOVER,
 * REQUEST (all states), RELEASE, DECLINE and time passing, no address is bound to two clients at once,
 * bound addresses lie in the network's ranges, and host reservations hold (the host gets its fixed
 * address, nobody else ever does).
 */
class AllocationProperties {

    static final String CONFIG = """
            one-lease-per-client on;
            default-lease-time 100;
            max-lease-time 100;
            shared-network net {
              subnet 10.1.0.0 netmask 255.255.255.0 {
                pool { range 10.1.0.10 10.1.0.15; }
                pool { range 10.1.0.20 10.1.0.21; }
              }
              subnet 10.2.0.0 netmask 255.255.255.0 {
                range 10.2.0.10 10.2.0.12;
              }
            }
            host reserved { hardware ethernet 02:00:00:00:00:00; fixed-address 10.1.0.12; }
            """;
    static final Ipv4Address FIXED = Ipv4Address.parse("10.1.0.12");
    static final int CLIENTS = 14;

    enum Kind { DISCOVER, SELECT, REBOOT, RENEW, RELEASE, DECLINE, WAIT }

    record Op(Kind kind, int client, int value) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, CLIENTS - 1),
                Arbitraries.integers().between(0, 60)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(200);
    }

    static ClientId client(int n) {
        HardwareAddress mac = HardwareAddress.ethernet(new byte[] {2, 0, 0, 0, 0, (byte) n});
        return ClientId.of(n % 3 == 0 ? null : new byte[] {1, 2, 0, 0, 0, 0, (byte) n}, mac);
    }

    @Property(tries = 300)
    void noAddressIsEverBoundToTwoClients(@ForAll("operations") List<Op> ops) throws Exception {
        DhcpConfig config = ConfigLoader.parseStrict("p.conf", CONFIG);
        AddressPlan plan = AddressPlan.build(config);
        AllocationEngine engine = new AllocationEngine(plan, HostTable.of(config), LeaseOwnershipPolicy.STANDALONE,
                HostResolver.NONE);
        NetworkPlan net = plan.networks().get(0);
        Map<Integer, Ipv4Address> offered = new HashMap<>();
        Map<Integer, Ipv4Address> bound = new HashMap<>();
        long now = 1_000_000;
        for (Op op : ops) {
            ClientId c = client(op.client());
            switch (op.kind()) {
                case DISCOVER -> {
                    Decision d = engine.offer(request(c, RequestKind.DISCOVER, net, Optional.empty()), List.of(), now);
                    if (d instanceof Decision.Grant g) {
                        offered.put(op.client(), g.address());
                        checkAddress(op.client(), g.address(), plan);
                        notSomeoneElses(c, engine.lease(g.address()));
                    }
                }
                case SELECT, REBOOT, RENEW -> {
                    Optional<Ipv4Address> ask = switch (op.kind()) {
                        case SELECT -> Optional.ofNullable(offered.get(op.client()));
                        case RENEW -> Optional.ofNullable(bound.get(op.client()));
                        default -> Optional.of(Ipv4Address.parse(op.value() % 2 == 0 ? "10.1.0.10" : "10.2.0.10")
                                .plus(op.value() % 8));
                    };
                    if (ask.isEmpty()) {
                        continue;
                    }
                    RequestKind kind = op.kind() == Kind.SELECT ? RequestKind.SELECTING
                            : op.kind() == Kind.RENEW ? RequestKind.RENEWING : RequestKind.INIT_REBOOT;
                    Optional<Lease> before = engine.lease(ask.get());
                    Decision d = engine.bind(request(c, kind, net, ask), List.of(), op.kind() == Kind.SELECT, now);
                    if (d instanceof Decision.Grant g) {
                        notSomeoneElses(c, before);
                        checkAddress(op.client(), g.address(), plan);
                        bound.put(op.client(), g.address());
                    }
                }
                case RELEASE -> {
                    Ipv4Address a = bound.get(op.client());
                    if (a != null) {
                        engine.release(c, a, now);
                    }
                }
                case DECLINE -> {
                    Ipv4Address a = bound.get(op.client());
                    if (a != null) {
                        engine.decline(c, a, now);
                    }
                }
                case WAIT -> {
                    now += op.value();
                    engine.expire(now);
                }
            }
            checkState(engine, plan);
        }
    }

    private static void notSomeoneElses(ClientId c, Optional<Lease> lease) {
        lease.filter(l -> l.bindingState() == BindingState.ACTIVE).ifPresent(l ->
                assertThat(c.owns(l)).as(l.ip() + " is bound to " + owner(l) + ", not to " + c).isTrue());
    }

    private static ClientRequest request(ClientId c, RequestKind kind, NetworkPlan net, Optional<Ipv4Address> ask) {
        return new ClientRequest(c, kind, net, ask, -1, List.of(), null, 0);
    }

    private static void checkAddress(int client, Ipv4Address address, AddressPlan plan) {
        if (client == 0) {
            assertThat(address).as("the host gets its reservation").isEqualTo(FIXED);
        } else {
            assertThat(address).as("nobody else gets the reservation").isNotEqualTo(FIXED);
            assertThat(plan.poolFor(address)).as(address + " lies in a range").isPresent();
        }
    }

    /** Every active lease in the engine belongs to one client, and one client holds at most one (one-lease-per-client). */
    private static void checkState(AllocationEngine engine, AddressPlan plan) {
        Map<ClientId, Ipv4Address> holders = new HashMap<>();
        engine.forEachLease(lease -> {
            if (lease.bindingState() != BindingState.ACTIVE) {
                return;
            }
            assertThat(plan.poolFor(lease.ip())).isPresent();
            ClientId owner = owner(lease);
            Ipv4Address other = holders.put(owner, lease.ip());
            assertThat(other).as("one-lease-per-client: " + owner + " holds " + other + " and " + lease.ip()).isNull();
        });
    }

    private static ClientId owner(Lease lease) {
        return ClientId.of(lease.uid(), lease.hardware().orElseThrow());
    }
}
