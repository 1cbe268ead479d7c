package io.ironlease.shared.leases;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The grammar of dhcpd.leases on top of {@link LeaseLexer}: one call parses one top-level declaration.
 * Statements are dispatched by comparing bytes in place, so a lease costs no strings beyond its hostname.
 */
final class LeaseParser {

    private static final byte[] LEASE = bytes("lease");
    private static final byte[] HOST = bytes("host");
    private static final byte[] GROUP = bytes("group");
    private static final byte[] FAILOVER = bytes("failover");
    private static final byte[] SERVER_DUID = bytes("server-duid");
    private static final byte[] AUTHORING = bytes("authoring-byte-order");
    private static final byte[][] RAW_RECORDS = {bytes("class"), bytes("subclass"), bytes("ia-na"),
        bytes("ia-ta"), bytes("ia-pd")};
    private static final byte[] STARTS = bytes("starts");
    private static final byte[] ENDS = bytes("ends");
    private static final byte[] TSTP = bytes("tstp");
    private static final byte[] TSFP = bytes("tsfp");
    private static final byte[] ATSFP = bytes("atsfp");
    private static final byte[] CLTT = bytes("cltt");
    private static final byte[] BINDING = bytes("binding");
    private static final byte[] NEXT = bytes("next");
    private static final byte[] REWIND = bytes("rewind");
    private static final byte[] STATE = bytes("state");
    private static final byte[] HARDWARE = bytes("hardware");
    private static final byte[] ETHERNET = bytes("ethernet");
    private static final byte[] UID = bytes("uid");
    private static final byte[] CLIENT_HOSTNAME = bytes("client-hostname");
    private static final byte[] SET = bytes("set");
    private static final byte[] ABANDONED = bytes("abandoned");
    private static final byte[] RESERVED = bytes("reserved");
    private static final byte[] DYNAMIC_BOOTP = bytes("dynamic-bootp");
    private static final byte[] BOOTP = bytes("bootp");
    private static final byte[] TRUE = bytes("true");
    private static final byte[] FALSE = bytes("false");
    static final byte[] DYNAMIC = bytes("dynamic");
    static final byte[] STATIC = bytes("static");
    static final byte[] DELETED = bytes("deleted");
    private static final byte[] PEER = bytes("peer");
    private static final byte[] MY = bytes("my");
    private static final byte[] PARTNER = bytes("partner");
    private static final byte[] AT = bytes("at");
    private static final byte[] MCLT = bytes("mclt");
    private static final byte[] LITTLE_ENDIAN = bytes("little-endian");
    private static final byte[] BIG_ENDIAN = bytes("big-endian");
    private static final BindingState[] STATES = BindingState.values();
    private static final byte[][] STATE_NAMES = new byte[STATES.length][];

    static {
        for (int i = 0; i < STATES.length; i++) {
            STATE_NAMES[i] = bytes(STATES[i].fileName());
        }
    }

    private final LeaseLexer lx;
    private final long now;

    LeaseParser(LeaseLexer lexer, long now) {
        this.lx = lexer;
        this.now = now;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Parses the declaration that starts at the lexer's position. */
    LeaseFileRecord record() {
        int start = lx.requireWord("a declaration (lease, host, group, failover peer, server-duid, ...)");
        if (lx.is(start, LEASE)) {
            return new LeaseRecord(lease());
        } else if (lx.is(start, HOST)) {
            return HostParser.host(lx, this);
        } else if (lx.is(start, GROUP)) {
            return HostParser.group(lx, this);
        } else if (lx.is(start, FAILOVER)) {
            return failover();
        } else if (lx.is(start, SERVER_DUID)) {
            byte[] duid = lx.stringOrHex("a DUID");
            lx.expect(';');
            return new ServerDuidRecord(duid);
        } else if (lx.is(start, AUTHORING)) {
            int word = lx.requireWord("little-endian or big-endian");
            ByteOrder order;
            if (lx.is(word, LITTLE_ENDIAN)) {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (lx.is(word, BIG_ENDIAN)) {
                order = ByteOrder.BIG_ENDIAN;
            } else {
                throw lx.syntax(word, "expected little-endian or big-endian, found " + lx.describe(word));
            }
            lx.expect(';');
            return new AuthoringByteOrderRecord(order);
        }
        for (byte[] raw : RAW_RECORDS) {
            if (lx.is(start, raw)) {
                return new RawRecord(lx.text(start), lx.rawStatement(start));
            }
        }
        throw lx.syntax(start, "unknown declaration " + lx.describe(start)
                + "; expected lease, host, group, failover peer, server-duid, authoring-byte-order or class");
    }

    /** The fast path: fills {@code out} for a lease record and returns true; skips any other declaration. */
    boolean summary(LeaseSummary out) {
        int start = lx.requireWord("a declaration (lease, host, group, failover peer, server-duid, ...)");
        if (!lx.is(start, LEASE)) {
            if (!isDeclaration(start)) {
                throw lx.syntax(start, "unknown declaration " + lx.describe(start));
            }
            lx.skipStatement();
            return false;
        }
        out.reset(lx.ipv4());
        lx.expect('{');
        while (true) {
            lx.skipSpace();
            int c = lx.peek();
            if (c == '}') {
                lx.pos++;
                break;
            } else if (c == ';') {
                lx.pos++;
                continue;
            }
            int word = lx.requireWord("a lease statement or '}'");
            if (lx.is(word, STARTS)) {
                out.starts(dateStatement());
            } else if (lx.is(word, ENDS)) {
                out.ends(dateStatement());
            } else if (lx.is(word, BINDING)) {
                out.state(stateStatement());
            } else if (lx.is(word, HARDWARE)) {
                int type = hardwareType();
                int n = lx.colonHex("a hardware address");
                checkHardwareLength(word, n);
                lx.expect(';');
                out.hardware(type, lx.scratch(), n);
            } else if (lx.is(word, ABANDONED)) {
                lx.expect(';');
                out.state(BindingState.ABANDONED);
            } else {
                lx.skipStatement();
            }
        }
        if (!out.stateGiven()) {
            out.inferState(out.ends() == LeaseTime.NEVER || out.ends() > now ? BindingState.ACTIVE
                    : BindingState.FREE);
        }
        return true;
    }

    private boolean isDeclaration(int start) {
        if (lx.is(start, HOST) || lx.is(start, GROUP) || lx.is(start, FAILOVER) || lx.is(start, SERVER_DUID)
                || lx.is(start, AUTHORING)) {
            return true;
        }
        for (byte[] raw : RAW_RECORDS) {
            if (lx.is(start, raw)) {
                return true;
            }
        }
        return false;
    }

    private Lease lease() {
        Lease.Builder b = Lease.builder(lx.ipv4());
        lx.expect('{');
        boolean stateGiven = false;
        BindingState next = null;
        long ends = LeaseTime.UNSET;
        while (true) {
            lx.skipSpace();
            int c = lx.peek();
            if (c == '}') {
                lx.pos++;
                break;
            } else if (c == ';') {
                lx.pos++;
                continue;
            }
            int word = lx.requireWord("a lease statement or '}'");
            if (lx.is(word, STARTS)) {
                b.starts(dateStatement());
            } else if (lx.is(word, ENDS)) {
                ends = dateStatement();
                b.ends(ends);
            } else if (lx.is(word, TSTP)) {
                b.tstp(dateStatement());
            } else if (lx.is(word, TSFP)) {
                b.tsfp(dateStatement());
            } else if (lx.is(word, ATSFP)) {
                b.atsfp(dateStatement());
            } else if (lx.is(word, CLTT)) {
                b.cltt(dateStatement());
            } else if (lx.is(word, BINDING)) {
                b.bindingState(stateStatement());
                stateGiven = true;
            } else if (lx.is(word, NEXT)) {
                expectWord(BINDING, "binding");
                next = stateStatement();
                b.nextBindingState(next);
            } else if (lx.is(word, REWIND)) {
                expectWord(BINDING, "binding");
                b.rewindBindingState(stateStatement());
            } else if (lx.is(word, HARDWARE)) {
                b.hardware(hardware(word));
            } else if (lx.is(word, UID)) {
                b.uidNoCopy(lx.stringOrHex("a client identifier"));
                lx.expect(';');
            } else if (lx.is(word, CLIENT_HOSTNAME)) {
                b.clientHostname(lx.stringText());
                lx.expect(';');
            } else if (lx.is(word, SET)) {
                b.variable(variable());
            } else if (lx.is(word, ABANDONED)) {
                lx.expect(';');
                b.bindingState(BindingState.ABANDONED);
                stateGiven = true;
            } else if (lx.is(word, RESERVED)) {
                lx.expect(';');
                b.reserved(true);
            } else if (lx.is(word, DYNAMIC_BOOTP) || lx.is(word, BOOTP)) {
                lx.expect(';');
                b.bootp(true);
            } else {
                b.extraStatement(lx.rawStatement(word));
            }
        }
        if (!stateGiven) {
            // dhcpd's rule for records without a state: active while unexpired, else free
            if (ends == LeaseTime.NEVER || ends > now) {
                b.bindingState(BindingState.ACTIVE);
                if (next == null) {
                    b.nextBindingState(BindingState.FREE);
                }
            } else {
                b.bindingState(BindingState.FREE);
            }
        }
        return b.build();
    }

    /** A date and its ';'. */
    private long dateStatement() {
        long time = lx.date();
        lx.expect(';');
        return time;
    }

    /** {@code state NAME;} after the word {@code binding}. */
    private BindingState stateStatement() {
        expectWord(STATE, "state");
        int word = lx.requireWord("a binding state");
        for (int i = 0; i < STATE_NAMES.length; i++) {
            if (lx.is(word, STATE_NAMES[i])) {
                lx.expect(';');
                return STATES[i];
            }
        }
        throw lx.syntax(word, "unknown binding state " + lx.describe(word) + "; expected one of "
                + BindingState.knownNames());
    }

    private void expectWord(byte[] keyword, String text) {
        int word = lx.word();
        if (!lx.is(word, keyword)) {
            throw lx.syntax(word, "expected '" + text + "', found " + lx.describe(word));
        }
    }

    /** {@code TYPE xx:xx:..;} after the word {@code hardware}. */
    HardwareAddress hardware(int keywordAt) {
        int type = hardwareType();
        int n = lx.colonHex("a hardware address");
        checkHardwareLength(keywordAt, n);
        lx.expect(';');
        return HardwareAddress.of(type, Arrays.copyOf(lx.scratch(), n));
    }

    private int hardwareType() {
        int word = lx.requireWord("a hardware type");
        if (lx.is(word, ETHERNET)) {
            return HardwareAddress.ETHERNET;
        }
        int type = HardwareAddress.typeOf(lx.text(word));
        if (type < 0) {
            throw lx.syntax(word, "unknown hardware type " + lx.describe(word)
                    + "; expected ethernet, token-ring, fddi or infiniband");
        }
        return type;
    }

    private void checkHardwareLength(int at, int length) {
        if (length > HardwareAddress.MAX_LENGTH) {
            throw lx.syntax(at, "hardware address longer than " + HardwareAddress.MAX_LENGTH + " bytes");
        }
    }

    /** {@code NAME = VALUE;} after the word {@code set}: a string, {@code %N}, true or false, as dhcpd takes. */
    private LeaseVariable variable() {
        int nameAt = lx.requireWord("a variable name");
        String name = lx.text(nameAt);
        if (!LeaseVariable.isValidName(name)) {
            throw lx.syntax(nameAt, "not a variable name: " + lx.describe(nameAt));
        }
        lx.expect('=');
        lx.skipSpace();
        LeaseVariable.Value value;
        int c = lx.peek();
        if (c == '"') {
            value = new LeaseVariable.Data(lx.stringBytes());
        } else if (c == '%') {
            lx.pos++;
            value = new LeaseVariable.Numeric(lx.signedNumber());
        } else {
            int word = lx.word();
            if (lx.is(word, TRUE)) {
                value = new LeaseVariable.Bool(true);
            } else if (lx.is(word, FALSE)) {
                value = new LeaseVariable.Bool(false);
            } else {
                throw lx.syntax(word, "expected a string, %number, true or false, found " + lx.describe(word));
            }
        }
        lx.expect(';');
        return new LeaseVariable(name, value);
    }

    /** {@code peer "NAME" state { my state S at DATE; partner state S at DATE; mclt N; }}. */
    private FailoverStateRecord failover() {
        expectWord(PEER, "peer");
        lx.skipSpace();
        String name = lx.peek() == '"' ? lx.stringText() : lx.text(lx.requireWord("a peer name"));
        expectWord(STATE, "state");
        lx.expect('{');
        FailoverState mine = FailoverState.UNKNOWN;
        FailoverState partner = FailoverState.UNKNOWN;
        long mineAt = LeaseTime.UNSET;
        long partnerAt = LeaseTime.UNSET;
        Optional<Duration> mclt = Optional.empty();
        while (!lx.accept('}')) {
            if (lx.accept(';')) {
                continue;
            }
            int word = lx.requireWord("my state, partner state, mclt or '}'");
            if (lx.is(word, MY) || lx.is(word, PARTNER) || lx.is(word, PEER)) {
                boolean isMine = lx.is(word, MY);
                expectWord(STATE, "state");
                int stateAt = lx.requireWord("a failover state");
                FailoverState state = FailoverState.fromFileName(lx.text(stateAt)).orElseThrow(() -> lx.syntax(
                        stateAt, "unknown failover state " + lx.describe(stateAt) + "; expected one of "
                                + FailoverState.knownNames()));
                expectWord(AT, "at");
                long at = dateStatement();
                if (isMine) {
                    mine = state;
                    mineAt = at;
                } else {
                    partner = state;
                    partnerAt = at;
                }
            } else if (lx.is(word, MCLT)) {
                long seconds = lx.number();
                if (seconds > 0xffff_ffffL) {
                    throw lx.syntax(word, "mclt out of range");
                }
                lx.expect(';');
                mclt = Optional.of(Duration.ofSeconds(seconds));
            } else {
                throw lx.syntax(word, "expected my state, partner state or mclt, found " + lx.describe(word));
            }
        }
        return new FailoverStateRecord(name, mine, mineAt, partner, partnerAt, mclt);
    }

    /** A name after {@code host} or {@code group}: a word or a quoted string. */
    String declarationName(String what) {
        lx.skipSpace();
        if (lx.peek() == '"') {
            return lx.stringText();
        }
        return lx.text(lx.requireWord(what));
    }

    static List<Ipv4Address> addressList(LeaseLexer lx) {
        List<Ipv4Address> addresses = new ArrayList<>(1);
        do {
            addresses.add(new Ipv4Address(lx.ipv4()));
        } while (lx.accept(','));
        lx.expect(';');
        return addresses;
    }
}
