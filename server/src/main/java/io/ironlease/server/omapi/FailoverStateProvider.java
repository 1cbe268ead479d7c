package io.ironlease.server.omapi;

import io.ironlease.omapi.server.HandleRegistry;
import io.ironlease.omapi.server.ObjectProvider;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.leases.FailoverState;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The OMAPI {@code failover-state} object, looked up by {@code name} (the peer name; another name, or
 * none configured, is 23), with dhcpd's 19 attributes in dhcpd's order (OMAPI-NOTES section 8).
 * Differences on purpose: {@code partner-address} and {@code local-address} are the configured
 * addresses (4 bytes), where dhcpd 4.4.3 sends 8 bytes of a heap pointer; an UPDATE of an attribute
 * other than {@code local-state} is refused with 6 unless it repeats the current value (dhcpd answers
 * success and changes nothing, e.g. {@code mclt}). {@code local-state} takes any state but startup and
 * unknown (0x60003), e.g. 4 partner-down.
 */
public final class FailoverStateProvider implements ObjectProvider<String> {

    public static final String TYPE = "failover-state";

    private final FailoverStateSource source;
    private final Executor executor;
    private final Supplier<CompletionStage<Void>> durable;
    private CompletionStage<Void> pending;

    public FailoverStateProvider(FailoverStateSource source, Executor executor, Supplier<CompletionStage<Void>> durable) {
        this.source = source;
        this.executor = executor;
        this.durable = durable;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.of(executor);
    }

    @Override
    public Optional<String> lookup(OmapiValues keys) throws OmapiException {
        Optional<String> name = keys.string("name");
        if (name.isEmpty()) {
            throw new OmapiException(OmapiStatus.NO_KEYS);
        }
        return source.state(name.get()).map(FailoverStateSource.View::name);
    }

    @Override
    public OmapiValues render(String name, HandleRegistry handles) throws OmapiException {
        return values(source.state(name).orElseThrow(() -> new OmapiException(OmapiStatus.NOT_FOUND)));
    }

    static OmapiValues values(FailoverStateSource.View v) {
        OmapiValues.Builder out = OmapiValues.builder().putString("name", v.name())
                .putIpv4("partner-address", v.partnerAddress()).putInt32("partner-port", v.partnerPort())
                .putIpv4("local-address", v.localAddress()).putInt32("local-port", v.localPort())
                .putInt32("max-outstanding-updates", v.maxOutstandingUpdates())
                .putUint32("mclt", v.mcltSeconds()).putInt32("load-balance-max-secs", v.loadBalanceMaxSeconds());
        v.hba().ifPresent(hba -> out.putData("load-balance-hba", hba));
        return out.putInt32("partner-state", v.partnerState().code()).putInt32("local-state", v.localState().code())
                .put("partner-stos", time(v.partnerStos())).put("local-stos", time(v.localStos()))
                .putInt32("hierarchy", v.hierarchy()).put("last-packet-sent", time(v.lastPacketSent()))
                .put("last-timestamp-received", time(v.lastTimestampReceived())).putInt32("skew", v.skew())
                .putInt32("max-response-delay", v.maxResponseDelay())
                .putInt32("cur-unacked-updates", v.unackedUpdates()).build();
    }

    private static byte[] time(Instant instant) {
        return LeaseAttributes.time(Math.max(0, instant.getEpochSecond()));
    }

    @Override
    public void update(String name, OmapiValues values) throws OmapiException {
        FailoverStateSource.View view = source.state(name).orElseThrow(() -> new OmapiException(OmapiStatus.NOT_FOUND));
        OmapiValues current = values(view);
        FailoverState wanted = null;
        for (OmapiValues.Entry entry : values) {
            if (entry.name().equals("local-state")) {
                int code = LeaseAttributes.readInt32(entry.value());
                wanted = FailoverState.find(code).orElseThrow(() -> new OmapiException(OmapiStatus.INVALID_ARGUMENT));
            } else if (!current.contains(entry.name())) {
                throw new OmapiException(OmapiStatus.UNKNOWN_ATTRIBUTE);
            } else if (!Arrays.equals(current.raw(entry.name()).orElseThrow(), entry.value())) {
                throw new OmapiException(OmapiStatus.PERMISSION_DENIED, "can't update object: " + entry.name()
                        + " of a failover peer comes from dhcpd.conf or the partner; only local-state can be set");
            }
        }
        if (wanted != null && wanted != view.localState()) {
            pending = source.setLocalState(name, wanted);
        }
    }

    @Override
    public CompletionStage<Void> whenDurable() {
        CompletionStage<Void> change = pending;
        pending = null;
        // a source's change completes once it is recorded (ConfiguredFailoverStates waits for the lease file)
        return change == null ? durable.get() : change;
    }
}
