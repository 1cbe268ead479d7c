package io.ironlease.omapi.server;

import static io.ironlease.omapi.server.Wire.concat;
import static io.ironlease.omapi.server.Wire.onHandle;
import static io.ironlease.omapi.server.Wire.open;
import static io.ironlease.omapi.server.Wire.replies;
import static io.ironlease.omapi.server.Wire.result;
import static io.ironlease.omapi.server.Wire.startup;
import static io.ironlease.omapi.server.Wire.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.testing.GoldenVectors;
import io.ironlease.omapi.testing.LogCapture;
import io.ironlease.omapi.testing.MemoryHostProvider;
import io.ironlease.omapi.testing.MemoryLeaseProvider;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.omapi.wire.Opcode;
import io.ironlease.shared.keys.OmapiKey;
import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** ISC's request algorithm as the server runs it: which request gives which status and message (OMAPI-NOTES 3, 6, 7). */
class RequestDispatcherTest {

    private static final OmapiKey LAB = GoldenVectors.labKey();

    private final MemoryLeaseProvider leases = new MemoryLeaseProvider(null).add(new MemoryLeaseProvider.Lease(2,
            Ipv4Address.parse("192.168.100.100"), new byte[] {1, 2}, "lab", HardwareAddress.parseEthernet("52:54:00:aa:00:01"),
            100, 50, 0, 50));
    private final MemoryHostProvider hosts = new MemoryHostProvider(null);
    private final CompletableFuture<Void> durable = new CompletableFuture<>();
    private final Wire wire = new Wire();
    private EmbeddedServer connection;

    /** A type whose every call fails unexpectedly, and one whose changes become durable on demand. */
    private final ObjectProvider<String> broken = new ObjectProvider<>() {
        @Override
        public String type() {
            return "broken";
        }

        @Override
        public Optional<String> lookup(OmapiValues keys) {
            throw new IllegalStateException("boom");
        }

        @Override
        public OmapiValues render(String object, HandleRegistry handles) {
            return OmapiValues.EMPTY;
        }
    };

    private final ObjectProvider<String> journaled = new ObjectProvider<>() {
        @Override
        public String type() {
            return "journaled";
        }

        @Override
        public Optional<String> lookup(OmapiValues keys) {
            return Optional.empty();
        }

        @Override
        public String create(OmapiValues values) {
            return "x";
        }

        @Override
        public OmapiValues render(String object, HandleRegistry handles) {
            return OmapiValues.builder().putString("name", object).build();
        }

        @Override
        public CompletionStage<Void> whenDurable() {
            return durable;
        }
    };

    private void connect(boolean withKey) {
        OmapiServer.Builder builder = OmapiServer.builder().port(0).provider(leases).provider(hosts).provider(broken)
                .provider(journaled).providerExecutor(Runnable::run);
        if (withKey) {
            builder.key(LAB);
        }
        connection = new EmbeddedServer(builder.build());
        connection.output();
        if (withKey) {
            assertThat(replies(connection.send(concat(startup(), wire.authenticator(LAB)))).get(0).handle()).isEqualTo(1);
            wire.signWith(LAB, 1);
        } else {
            connection.send(startup());
        }
    }

    private OmapiMessage ask(OmapiMessage request) {
        return replies(connection.send(wire.request(request))).get(0);
    }

    private static void assertStatus(OmapiMessage reply, OmapiStatus status, String message) {
        assertThat(reply.op()).isEqualTo(Opcode.STATUS);
        assertThat(reply.handle()).isZero();
        assertThat(result(reply)).isEqualTo(status);
        assertThat(text(reply)).isEqualTo(message);
    }

    private static OmapiValues host(String name) {
        return OmapiValues.builder().putString("name", name).build();
    }

    private static final OmapiValues LEASE = OmapiValues.builder()
            .putIpv4("ip-address", Ipv4Address.parse("192.168.100.100")).build();

    @Test
    void hostLifecycleCreateOpenUpdateRefreshDelete() {
        connect(true);
        OmapiMessage created = ask(open("host", host("h1").toBuilder()
                .putHardwareAddress(HardwareAddress.parseEthernet("52:54:00:cc:00:01")).build(), "create", "exclusive"));
        assertThat(created.op()).isEqualTo(Opcode.UPDATE);
        int handle = created.handle();
        assertThat(ask(open("host", host("h1"))).handle()).isEqualTo(handle);
        assertStatus(ask(onHandle(Opcode.UPDATE, handle, OmapiValues.builder()
                .putIpv4("ip-address", Ipv4Address.parse("192.168.100.60")).build())), OmapiStatus.SUCCESS, null);
        assertThat(ask(onHandle(Opcode.REFRESH, handle, OmapiValues.EMPTY)).object().ipv4("ip-address"))
                .contains(Ipv4Address.parse("192.168.100.60"));
        assertStatus(ask(onHandle(Opcode.UPDATE, handle, OmapiValues.builder()
                .putHardwareAddress(HardwareAddress.parseEthernet("52:54:00:cc:00:02")).build())),
                OmapiStatus.EXISTS, "can't update object");
        assertStatus(ask(onHandle(Opcode.DELETE, handle, OmapiValues.EMPTY)), OmapiStatus.SUCCESS, null);
        assertThat(hosts.exists("h1")).isFalse();
        assertStatus(ask(onHandle(Opcode.REFRESH, handle, OmapiValues.EMPTY)), OmapiStatus.NOT_FOUND, "no matching handle");
        assertStatus(ask(onHandle(Opcode.DELETE, handle, OmapiValues.EMPTY)), OmapiStatus.NOT_FOUND, "no matching handle");
    }

    @Test
    void createFlagsAsDhcpdHandlesThem() {
        connect(true);
        ask(open("host", host("h1"), "create", "exclusive"));
        assertStatus(ask(open("host", host("h1"), "create", "exclusive")), OmapiStatus.EXISTS,
                "specified object already exists");
        assertStatus(ask(open("host", host("h1"), "create")), OmapiStatus.EXISTS, "can't update object");
        assertStatus(ask(open("host", host("h2").toBuilder().putString("bogus", "y").build(), "create", "exclusive")),
                OmapiStatus.UNKNOWN_ATTRIBUTE, "can't update object");
        assertStatus(ask(open("host", host("h3").toBuilder().putString("hardware-type", "ethernet").build(), "create",
                "exclusive")), OmapiStatus.INVALID_ARGUMENT, "can't update object");
        assertStatus(ask(open("frobnicator", host("x"), "create")), OmapiStatus.INVALID_ARGUMENT, "type required on create");
        assertStatus(ask(open("frobnicator", host("x"))), OmapiStatus.NOT_FOUND, "no matching handle");
        OmapiMessage badFlag = OmapiMessage.of(Opcode.OPEN, 0, OmapiValues.builder().putData("create", new byte[] {1})
                .putString("type", "host").build(), host("h9"));
        assertStatus(ask(badFlag), OmapiStatus.INVALID_ARGUMENT, "invalid create flag value");
    }

    @Test
    void leaseRulesNoCreateNoDeleteReadOnlyAttributes() {
        connect(true);
        OmapiMessage lease = ask(open("lease", LEASE));
        assertThat(lease.handle()).isEqualTo(2);
        assertThat(lease.object().int32("subnet")).hasValue(3);
        assertStatus(ask(open("lease", OmapiValues.builder().putString("client-hostname", "lab").build())),
                OmapiStatus.NOT_IMPLEMENTED, "can't create new object");
        assertStatus(ask(open("lease", OmapiValues.builder().putIpv4("ip-address", Ipv4Address.parse("10.0.0.1")).build(),
                "create")), OmapiStatus.NOT_IMPLEMENTED, "can't create new object");
        assertStatus(ask(open("lease", OmapiValues.builder().putString("ip-address", "192.168.100.100").build())),
                OmapiStatus.INVALID_ARGUMENT, "object lookup failed");
        assertStatus(ask(onHandle(Opcode.UPDATE, 2, OmapiValues.builder().putUint32("starts", 1).build())),
                OmapiStatus.PERMISSION_DENIED, "can't update object");
        assertStatus(ask(onHandle(Opcode.UPDATE, 2, OmapiValues.builder().putUint32("ends", 0).build())),
                OmapiStatus.SUCCESS, null);
        assertStatus(ask(onHandle(Opcode.DELETE, 2, OmapiValues.EMPTY)), OmapiStatus.NOT_IMPLEMENTED, null);
        assertStatus(ask(onHandle(Opcode.UPDATE, 0, LEASE)), OmapiStatus.NOT_FOUND, "no matching handle");
        OmapiMessage byHandle = ask(OmapiMessage.of(Opcode.OPEN, 2, OmapiValues.EMPTY, OmapiValues.EMPTY));
        assertThat(byHandle.handle()).isEqualTo(2);
    }

    @Test
    void authenticatorObjectCannotBeChanged() {
        connect(true);
        assertStatus(ask(onHandle(Opcode.UPDATE, 1, host("x"))), OmapiStatus.SUCCESS, "cannot update authenticator");
        assertStatus(ask(open("authenticator", io.ironlease.omapi.auth.Authenticator.attributes(LAB), "update")),
                OmapiStatus.SUCCESS, "can't update object");
        assertThat(ask(open("authenticator", io.ironlease.omapi.auth.Authenticator.attributes(LAB))).handle()).isEqualTo(1);
        assertStatus(ask(onHandle(Opcode.DELETE, 1, OmapiValues.EMPTY)), OmapiStatus.NOT_IMPLEMENTED,
                "no remove method for object");
    }

    @Test
    void withoutKeysUnsignedRequestsAreServedAndAnyKeyIsUnknown() {
        connect(false);
        assertThat(ask(open("lease", LEASE)).handle()).isEqualTo(1);
        assertStatus(ask(open("authenticator", io.ironlease.omapi.auth.Authenticator.attributes(LAB))),
                OmapiStatus.NOT_FOUND, "no object matches specification");
    }

    @Test
    void providerFailuresBecomeUnexpectedAndAreLogged() {
        connect(true);
        try (LogCapture log = new LogCapture(RequestDispatcher.class)) {
            assertStatus(ask(open("broken", host("x"))), OmapiStatus.UNEXPECTED, "object lookup failed");
            assertThat(log.lines()).anyMatch(l -> l.startsWith("OMAPI_PROVIDER_ERROR type=broken"));
        }
    }

    @Test
    void changesAreAnsweredOnlyOnceDurable() {
        connect(true);
        assertThat(connection.send(wire.request(open("journaled", host("x"), "create")))).isEmpty();
        durable.complete(null);
        assertThat(replies(connection.output()).get(0).object().string("name")).contains("x");
    }
}
