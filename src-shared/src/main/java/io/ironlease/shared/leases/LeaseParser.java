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

    static final byte[] LEASE = bytes("lease");
    static final byte[] HOST = bytes("host");
    static final byte[] GROUP = bytes("group");
    static final byte[] FAILOVER = bytes("failover");
    static final byte[] SERVER_DUID = bytes("server-duid");
    static final byte[] AUTHORING = bytes("authoring-byte-order");
    static final byte[][] RAW_RECORDS = {bytes("class"), bytes("subclass"), bytes("ia-na"),
        bytes("ia-ta"), bytes("ia-pd")};
    static final byte[] STARTS = bytes("starts");
    static final byte[] ENDS = bytes("ends");
    private static final byte[] TSTP = bytes("tstp");
    private static final byte[] TSFP = bytes("tsfp");
    private static final byte[] ATSFP = bytes("atsfp");
    private static final byte[] CLTT = bytes("cltt");
    static final byte[] BINDING = bytes("binding");
    private static final byte[] NEXT = bytes("next");
    private static final byte[] REWIND = bytes("rewind");
    static final byte[] STATE = bytes("state");
    static final byte[] HARDWARE = bytes("hardware");
    private static final byte[] ETHERNET = bytes("ethernet");
    private static final byte[] UID = bytes("uid");
    private static final byte[] CLIENT_HOSTNAME = bytes("client-hostname");
    private static final byte[] SET = bytes("set");
    static final byte[] ABANDONED = bytes("abandoned");
    private static final byte[] RESERVED = bytes("reserved");
    private static final byte[] DYNAMIC_BOOTP = bytes("dynamic-bootp");
    private static final byte[] BOOTP = bytes("bootp");
    private static final byte[] TRUE = bytes("true");
    private static final byte[] FALSE = bytes("false");
    static final byte[] DYNAMIC = bytes("dynamic");
    static final byte[] STATIC = bytes("static");
    static final byte[] DELETED = bytes("deleted");
    static final byte[] PEER = bytes("peer");
    static final byte[] MY = bytes("my");
    static final byte[] PARTNER = bytes("partner");
    static final byte[] AT = bytes("at");
    static final byte[] MCLT = bytes("mclt");
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
    final long now;

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
            return DeclarationParser.host(lx, this);
        } else if (lx.is(start, GROUP)) {
            return DeclarationParser.group(lx, this);
        } else if (lx.is(start, FAILOVER)) {
            return DeclarationParser.failover(lx, this);
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

    private Lease lease() {
        Lease.Builder b = Lease.builder(lx.ipv4());
        lx.expect('{');
        boolean stateGiven = false;
        BindingState next = null;
        long ends = LeaseTime.UNSET;
        for (int word; (word = lx.nextStatement("a lease statement or '}'")) >= 0; ) {
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
    long dateStatement() {
        long time = lx.date();
        lx.expect(';');
        return time;
    }

    /** {@code state NAME;} after the word {@code binding}. */
    BindingState stateStatement() {
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

    void expectWord(byte[] keyword, String text) {
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

    int hardwareType() {
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

    void checkHardwareLength(int at, int length) {
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
