package io.ironlease.server.omapi;

import io.ironlease.omapi.server.IscMessages;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.server.engine.LeaseService;
import io.ironlease.shared.leases.BindingState;
import io.ironlease.shared.leases.Lease;
import io.ironlease.shared.leases.LeaseVariable;
import io.ironlease.shared.net.HardwareAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The values of a lease UPDATE, checked all together before anything changes (dhcpd applies them one
 * by one and keeps what came before a failure). What each attribute does:
 *
 * <pre>
 * ends                 epoch seconds; at or before now (0 included) an active lease ends at once, as in dhcpd
 * state                1 free or 5 abandoned, as dhcpd; the current state is a no-op; any other code is
 *                      refused with 0x60003 (dhcpd would force the lease into it)
 * client-hostname      changed, or cleared by a null value (dhcpd answers success and changes nothing)
 * ip-address, starts, pool          6 "can't update object", as dhcpd
 * subnet                            0x60003, as dhcpd
 * tstp tsfp atsfp cltt flags        6 (dhcpd would store them as scope variables)
 * dhcp-client-identifier, hardware-address, hardware-type, hostname, host, billing-class
 *                      6 with a message saying why, unless the value is the lease's own (dhcpd answers
 *                      success and changes nothing)
 * any other name       a binding-scope variable, {@code set NAME = "bytes";} (null removes it), as dhcpd
 * </pre>
 *
 * After an UPDATE the lease's own handle is stored as {@code set remote-handle = %N;}, as dhcpd does.
 */
record LeaseEdit(Optional<Long> ends, Optional<BindingState> state, Optional<String> hostname, boolean clearHostname,
        List<LeaseVariable> variables, List<String> removedVariables) {

    static final String REMOTE_HANDLE = "remote-handle";
    private static final Set<String> ISC_READ_ONLY = Set.of("ip-address", "starts", "pool");
    private static final Set<String> TIMES_AND_FLAGS = Set.of("tstp", "tsfp", "atsfp", "cltt", "flags");
    private static final Set<String> IDENTITY = Set.of("dhcp-client-identifier", "hardware-address", "hardware-type",
            "hostname", "host", "billing-class");

    /** Checks {@code values} against the lease as it is at {@code now} (epoch seconds). */
    static LeaseEdit parse(Lease current, OmapiValues values, long now) throws OmapiException {
        Optional<Long> ends = Optional.empty();
        Optional<BindingState> state = Optional.empty();
        Optional<String> hostname = Optional.empty();
        boolean clearHostname = false;
        List<LeaseVariable> variables = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (OmapiValues.Entry entry : values) {
            String name = entry.name();
            byte[] value = entry.value();
            if (name.equals("ends")) {
                ends = Optional.of(Integer.toUnsignedLong(int32(value)));
            } else if (name.equals("state")) {
                state = state(current, int32(value));
            } else if (name.equals("client-hostname")) {
                clearHostname = value.length == 0;
                hostname = clearHostname ? Optional.empty() : Optional.of(new String(value, StandardCharsets.UTF_8));
            } else if (ISC_READ_ONLY.contains(name)) {
                throw new OmapiException(OmapiStatus.PERMISSION_DENIED, IscMessages.CANT_UPDATE);
            } else if (name.equals("subnet")) {
                throw new OmapiException(OmapiStatus.INVALID_ARGUMENT, IscMessages.CANT_UPDATE);
            } else if (TIMES_AND_FLAGS.contains(name)) {
                throw new OmapiException(OmapiStatus.PERMISSION_DENIED, "can't update object: a lease's " + name
                        + " is set by the server only");
            } else if (IDENTITY.contains(name)) {
                if (!isOwn(current, name, values)) {
                    throw new OmapiException(OmapiStatus.PERMISSION_DENIED, "can't update object: a lease's " + name
                            + " belongs to its client and cannot be changed (dhcpd 4.4 ignores it); set state = 1 to"
                            + " free the lease, or declare a host");
                }
            } else if (!LeaseVariable.isValidName(name)) {
                throw new OmapiException(OmapiStatus.UNKNOWN_ATTRIBUTE, "can't update object: " + name
                        + " is neither a lease attribute nor a variable name");
            } else if (value.length == 0) {
                removed.add(name);
            } else {
                variables.add(new LeaseVariable(name, new LeaseVariable.Data(value)));
            }
        }
        // dhcpd: an active lease whose end is moved to now or earlier expires at once and becomes free,
        // keeping its client's identity but not its host name (OMAPI-NOTES section 8, p15)
        if (ends.isPresent() && ends.get() <= now && state.isEmpty() && current.bindingState() == BindingState.ACTIVE) {
            state = Optional.of(BindingState.FREE);
        }
        return new LeaseEdit(ends, state, hostname, clearHostname, variables, removed);
    }

    private static Optional<BindingState> state(Lease current, int code) throws OmapiException {
        if (code < 1 || code > BindingState.values().length) {
            throw new OmapiException(OmapiStatus.INVALID_ARGUMENT, IscMessages.CANT_UPDATE);
        }
        BindingState wanted = BindingState.fromCode(code);
        if (wanted == current.bindingState()) {
            return Optional.empty();
        }
        if (wanted != BindingState.FREE && wanted != BindingState.ABANDONED) {
            throw new OmapiException(OmapiStatus.INVALID_ARGUMENT, "can't update object: a lease's state can be set"
                    + " to free (1) or abandoned (5), not " + wanted.fileName() + " (" + code + ")");
        }
        return Optional.of(wanted);
    }

    /** Whether an identity attribute in an UPDATE only repeats what the lease already has. */
    private static boolean isOwn(Lease current, String name, OmapiValues values) {
        byte[] value = values.raw(name).orElseThrow();
        return switch (name) {
            case "dhcp-client-identifier" -> Arrays.equals(value, current.uid());
            case "hardware-address" -> current.hardware().map(h -> Arrays.equals(h.bytes(), value)).orElse(false);
            case "hardware-type" -> current.hardware().map(HardwareAddress::type)
                    .map(t -> value.length == 4 && values.int32(name).getAsInt() == t).orElse(false);
            default -> false;
        };
    }

    private static int int32(byte[] value) throws OmapiException {
        if (value.length != 4) {
            throw new OmapiException(OmapiStatus.INVALID_ARGUMENT, IscMessages.CANT_UPDATE);
        }
        return LeaseAttributes.readInt32(value);
    }

    /** The part the lease engine applies (ends, state); empty when neither changes. */
    Optional<LeaseService.LeaseUpdate> engineUpdate() {
        return ends.isEmpty() && state.isEmpty() ? Optional.empty()
                : Optional.of(new LeaseService.LeaseUpdate(ends, state));
    }

    /** The lease after the rest of the edit: host name, variables and {@code remote-handle} (0: none). */
    Lease finish(Lease lease, int remoteHandle) {
        Lease.Builder out = lease.toBuilder();
        if (clearHostname) {
            out.clientHostname(null);
        }
        hostname.ifPresent(out::clientHostname);
        removedVariables.forEach(out::removeVariable);
        variables.forEach(out::variable);
        if (remoteHandle != 0) {
            out.variable(LeaseVariable.numeric(REMOTE_HANDLE, remoteHandle));
        }
        return out.build();
    }
}
