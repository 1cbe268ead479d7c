package io.ironlease.shared.leases;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One IPv4 lease as a dhcpd.leases {@code lease} block records it: immutable, compared by value.
 *
 * <p>Times are epoch seconds with {@link LeaseTime#UNSET} and {@link LeaseTime#NEVER}. The next and
 * rewind binding states default to the binding state, which is also what dhcpd assumes when a record
 * omits them (and why it writes them only when they differ). Statements this type does not model
 * ({@code option agent.*}, {@code billing class}, {@code on expiry {...}}, ...) are kept verbatim in
 * {@link #extraStatements()} so a record is written back as it was read.
 */
public final class Lease {

    private static final byte[] NO_BYTES = new byte[0];

    private final int ip;
    private final long starts;
    private final long ends;
    private final long tstp;
    private final long tsfp;
    private final long atsfp;
    private final long cltt;
    private final BindingState bindingState;
    private final BindingState nextBindingState;
    private final BindingState rewindBindingState;
    private final boolean reserved;
    private final boolean bootp;
    private final HardwareAddress hardware;
    private final byte[] uid;
    private final String clientHostname;
    private final List<LeaseVariable> variables;
    private final List<String> extraStatements;

    private Lease(Builder b) {
        this.ip = b.ip;
        this.starts = b.starts;
        this.ends = b.ends;
        this.tstp = b.tstp;
        this.tsfp = b.tsfp;
        this.atsfp = b.atsfp;
        this.cltt = b.cltt;
        this.bindingState = Objects.requireNonNull(b.bindingState, "bindingState");
        this.nextBindingState = b.nextBindingState != null ? b.nextBindingState : b.bindingState;
        this.rewindBindingState = b.rewindBindingState != null ? b.rewindBindingState : b.bindingState;
        this.reserved = b.reserved;
        this.bootp = b.bootp;
        this.hardware = b.hardware == null || b.hardware.length() == 0 ? null : b.hardware;
        this.uid = b.uid == null || b.uid.length == 0 ? NO_BYTES : b.uid;
        this.clientHostname = b.clientHostname;
        this.variables = b.variables == null ? List.of() : List.copyOf(b.variables);
        this.extraStatements = b.extraStatements == null ? List.of() : List.copyOf(b.extraStatements);
    }

    public static Builder builder(Ipv4Address ip) {
        return new Builder(ip.bits());
    }

    static Builder builder(int ipBits) {
        return new Builder(ipBits);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public Ipv4Address ip() {
        return new Ipv4Address(ip);
    }

    /** The address as its 32 bits, without allocating. */
    public int ipBits() {
        return ip;
    }

    public long starts() {
        return starts;
    }

    public long ends() {
        return ends;
    }

    /** Time Sent To Partner: the expiry this server last told its failover peer. */
    public long tstp() {
        return tstp;
    }

    /** Time Sent From Partner: the expiry the peer acknowledged. */
    public long tsfp() {
        return tsfp;
    }

    /** Actual Time Sent From Partner. */
    public long atsfp() {
        return atsfp;
    }

    /** Client's Last Transaction Time. */
    public long cltt() {
        return cltt;
    }

    public BindingState bindingState() {
        return bindingState;
    }

    public BindingState nextBindingState() {
        return nextBindingState;
    }

    public BindingState rewindBindingState() {
        return rewindBindingState;
    }

    /** The failover RESERVED flag ({@code reserved;}). */
    public boolean reserved() {
        return reserved;
    }

    /** The failover BOOTP flag ({@code dynamic-bootp;}). */
    public boolean bootp() {
        return bootp;
    }

    public Optional<HardwareAddress> hardware() {
        return Optional.ofNullable(hardware);
    }

    /** The client identifier (option 61), empty when the client sent none. */
    public byte[] uid() {
        return uid.length == 0 ? NO_BYTES : uid.clone();
    }

    /** Whether the lease's client identifier is exactly {@code clientId} (no copy: for hot lookups). */
    public boolean uidEquals(byte[] clientId) {
        return Arrays.equals(uid, clientId);
    }

    public boolean hasUid() {
        return uid.length > 0;
    }

    byte[] uidBytes() {
        return uid;
    }

    public Optional<String> clientHostname() {
        return Optional.ofNullable(clientHostname);
    }

    /** The {@code set} variables, in file order. */
    public List<LeaseVariable> variables() {
        return variables;
    }

    public Optional<LeaseVariable.Value> variable(String name) {
        for (LeaseVariable variable : variables) {
            if (variable.name().equals(name)) {
                return Optional.of(variable.value());
            }
        }
        return Optional.empty();
    }

    /** Statements kept verbatim, each from its first word to its closing ';' or '}'. */
    public List<String> extraStatements() {
        return extraStatements;
    }

    public Lease withStarts(long time) {
        return toBuilder().starts(time).build();
    }

    public Lease withEnds(long time) {
        return toBuilder().ends(time).build();
    }

    public Lease withCltt(long time) {
        return toBuilder().cltt(time).build();
    }

    /** The lease in a new state, with next and rewind states as given. */
    public Lease withStates(BindingState binding, BindingState next, BindingState rewind) {
        return toBuilder().bindingState(binding).nextBindingState(next).rewindBindingState(rewind).build();
    }

    public Lease withHardware(HardwareAddress address) {
        return toBuilder().hardware(address).build();
    }

    public Lease withUid(byte[] clientId) {
        return toBuilder().uid(clientId).build();
    }

    public Lease withClientHostname(String name) {
        return toBuilder().clientHostname(name).build();
    }

    /** Sets a variable: replaces one of the same name in place, or appends it. */
    public Lease withVariable(LeaseVariable variable) {
        return toBuilder().variable(variable).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Lease l && ip == l.ip && starts == l.starts && ends == l.ends && tstp == l.tstp
                && tsfp == l.tsfp && atsfp == l.atsfp && cltt == l.cltt && bindingState == l.bindingState
                && nextBindingState == l.nextBindingState && rewindBindingState == l.rewindBindingState
                && reserved == l.reserved && bootp == l.bootp && Objects.equals(hardware, l.hardware)
                && Arrays.equals(uid, l.uid) && Objects.equals(clientHostname, l.clientHostname)
                && variables.equals(l.variables) && extraStatements.equals(l.extraStatements);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(ip, starts, ends, tstp, tsfp, atsfp, cltt, bindingState, nextBindingState,
                rewindBindingState, reserved, bootp, hardware, clientHostname, variables, extraStatements);
        return 31 * h + Arrays.hashCode(uid);
    }

    @Override
    public String toString() {
        return "Lease[" + ip() + " " + bindingState.fileName() + "->" + nextBindingState.fileName()
                + "/" + rewindBindingState.fileName() + " starts=" + starts + " ends=" + ends + " tstp=" + tstp
                + " tsfp=" + tsfp + " atsfp=" + atsfp + " cltt=" + cltt + (reserved ? " reserved" : "")
                + (bootp ? " bootp" : "") + (hardware != null ? " hw=" + hardware : "")
                + (uid.length > 0 ? " uid=" + HexFormat.ofDelimiter(":").formatHex(uid) : "")
                + (clientHostname != null ? " host=\"" + clientHostname + "\"" : "")
                + (variables.isEmpty() ? "" : " vars=" + variables)
                + (extraStatements.isEmpty() ? "" : " extra=" + extraStatements) + "]";
    }

    /** Builds a {@link Lease}; the binding state defaults to free, next and rewind to the binding state. */
    public static final class Builder {
        private final int ip;
        private long starts;
        private long ends;
        private long tstp;
        private long tsfp;
        private long atsfp;
        private long cltt;
        private BindingState bindingState = BindingState.FREE;
        private BindingState nextBindingState;
        private BindingState rewindBindingState;
        private boolean reserved;
        private boolean bootp;
        private HardwareAddress hardware;
        private byte[] uid;
        private String clientHostname;
        private List<LeaseVariable> variables; // created on first use: most leases have none
        private List<String> extraStatements;

        private Builder(int ip) {
            this.ip = ip;
        }

        private Builder(Lease l) {
            this(l.ip);
            starts = l.starts;
            ends = l.ends;
            tstp = l.tstp;
            tsfp = l.tsfp;
            atsfp = l.atsfp;
            cltt = l.cltt;
            bindingState = l.bindingState;
            nextBindingState = l.nextBindingState;
            rewindBindingState = l.rewindBindingState;
            reserved = l.reserved;
            bootp = l.bootp;
            hardware = l.hardware;
            uid = l.uid;
            clientHostname = l.clientHostname;
            variables = l.variables.isEmpty() ? null : new ArrayList<>(l.variables);
            extraStatements = l.extraStatements.isEmpty() ? null : new ArrayList<>(l.extraStatements);
        }

        public Builder starts(long time) {
            starts = time;
            return this;
        }

        public Builder ends(long time) {
            ends = time;
            return this;
        }

        public Builder tstp(long time) {
            tstp = time;
            return this;
        }

        public Builder tsfp(long time) {
            tsfp = time;
            return this;
        }

        public Builder atsfp(long time) {
            atsfp = time;
            return this;
        }

        public Builder cltt(long time) {
            cltt = time;
            return this;
        }

        public Builder bindingState(BindingState state) {
            bindingState = Objects.requireNonNull(state, "state");
            return this;
        }

        /** Null means "same as the binding state". */
        public Builder nextBindingState(BindingState state) {
            nextBindingState = state;
            return this;
        }

        /** Null means "same as the binding state". */
        public Builder rewindBindingState(BindingState state) {
            rewindBindingState = state;
            return this;
        }

        public Builder reserved(boolean flag) {
            reserved = flag;
            return this;
        }

        public Builder bootp(boolean flag) {
            bootp = flag;
            return this;
        }

        /** Null for none. */
        public Builder hardware(HardwareAddress address) {
            hardware = address;
            return this;
        }

        /** Null or empty for none. */
        public Builder uid(byte[] clientId) {
            uid = clientId == null ? null : clientId.clone();
            return this;
        }

        Builder uidNoCopy(byte[] clientId) {
            uid = clientId;
            return this;
        }

        /** Null for none. */
        public Builder clientHostname(String name) {
            clientHostname = name;
            return this;
        }

        /** Replaces a variable of the same name in place, or appends it. */
        public Builder variable(LeaseVariable variable) {
            Objects.requireNonNull(variable, "variable");
            if (variables == null) {
                variables = new ArrayList<>(2);
            }
            for (int i = 0; i < variables.size(); i++) {
                if (variables.get(i).name().equals(variable.name())) {
                    variables.set(i, variable);
                    return this;
                }
            }
            variables.add(variable);
            return this;
        }

        public Builder removeVariable(String name) {
            if (variables != null) {
                variables.removeIf(v -> v.name().equals(name));
            }
            return this;
        }

        /** Adds a statement kept verbatim, e.g. {@code option agent.circuit-id "x";}. */
        public Builder extraStatement(String statement) {
            if (extraStatements == null) {
                extraStatements = new ArrayList<>(2);
            }
            extraStatements.add(Objects.requireNonNull(statement, "statement"));
            return this;
        }

        public Builder clearExtraStatements() {
            extraStatements = null;
            return this;
        }

        public Lease build() {
            return new Lease(this);
        }
    }
}
