package io.ironlease.shared.leases;

import io.ironlease.shared.net.HardwareAddress;
import io.ironlease.shared.net.Ipv4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code host}, {@code group} and {@code failover peer ... state} declarations of dhcpd.leases. */
final class DeclarationParser {

    private static final byte[] HARDWARE = LeaseParser.bytes("hardware");
    private static final byte[] UID = LeaseParser.bytes("uid");
    private static final byte[] FIXED_ADDRESS = LeaseParser.bytes("fixed-address");
    private static final byte[] GROUP = LeaseParser.bytes("group");

    private DeclarationParser() {
    }

    static HostRecord host(LeaseLexer lx, LeaseParser parser) {
        String name = parser.declarationName("a host name");
        lx.expect('{');
        boolean dynamic = false;
        boolean deleted = false;
        HardwareAddress hardware = null;
        byte[] uid = null;
        List<Ipv4Address> fixed = List.of();
        String group = null;
        List<String> statements = new ArrayList<>(0);
        for (int word; (word = lx.nextStatement("a host statement or '}'")) >= 0; ) {
            if (lx.is(word, LeaseParser.DYNAMIC)) {
                lx.expect(';');
                dynamic = true;
            } else if (lx.is(word, LeaseParser.DELETED)) {
                lx.expect(';');
                deleted = true;
            } else if (lx.is(word, HARDWARE)) {
                hardware = parser.hardware(word);
            } else if (lx.is(word, UID)) {
                uid = lx.stringOrHex("a client identifier");
                lx.expect(';');
            } else if (lx.is(word, FIXED_ADDRESS)) {
                fixed = LeaseParser.addressList(lx);
            } else if (lx.is(word, GROUP)) {
                group = parser.declarationName("a group name");
                lx.expect(';');
            } else {
                statements.add(lx.rawStatement(word));
            }
        }
        return new HostRecord(name, dynamic, deleted, hardware, uid, fixed, group, statements);
    }

    static GroupRecord group(LeaseLexer lx, LeaseParser parser) {
        String name = parser.declarationName("a group name");
        lx.expect('{');
        boolean dynamic = false;
        boolean isStatic = false;
        boolean deleted = false;
        List<String> statements = new ArrayList<>(0);
        for (int word; (word = lx.nextStatement("a group statement or '}'")) >= 0; ) {
            if (lx.is(word, LeaseParser.DYNAMIC)) {
                lx.expect(';');
                dynamic = true;
            } else if (lx.is(word, LeaseParser.STATIC)) {
                lx.expect(';');
                isStatic = true;
            } else if (lx.is(word, LeaseParser.DELETED)) {
                lx.expect(';');
                deleted = true;
            } else {
                statements.add(lx.rawStatement(word));
            }
        }
        return new GroupRecord(name, dynamic, isStatic, deleted, statements);
    }

    /** {@code peer "NAME" state { my state S at DATE; partner state S at DATE; mclt N; }}. */
    static FailoverStateRecord failover(LeaseLexer lx, LeaseParser parser) {
        parser.expectWord(LeaseParser.PEER, "peer");
        lx.skipSpace();
        String name = lx.peek() == '"' ? lx.stringText() : lx.text(lx.requireWord("a peer name"));
        parser.expectWord(LeaseParser.STATE, "state");
        lx.expect('{');
        FailoverState mine = FailoverState.UNKNOWN;
        FailoverState partner = FailoverState.UNKNOWN;
        long mineAt = LeaseTime.UNSET;
        long partnerAt = LeaseTime.UNSET;
        Optional<Duration> mclt = Optional.empty();
        for (int word; (word = lx.nextStatement("my state, partner state, mclt or '}'")) >= 0; ) {
            if (lx.is(word, LeaseParser.MY) || lx.is(word, LeaseParser.PARTNER) || lx.is(word, LeaseParser.PEER)) {
                boolean isMine = lx.is(word, LeaseParser.MY);
                parser.expectWord(LeaseParser.STATE, "state");
                int stateAt = lx.requireWord("a failover state");
                FailoverState state = FailoverState.fromFileName(lx.text(stateAt)).orElseThrow(() -> lx.syntax(
                        stateAt, "unknown failover state " + lx.describe(stateAt) + "; expected one of "
                                + FailoverState.knownNames()));
                parser.expectWord(LeaseParser.AT, "at");
                long at = parser.dateStatement();
                if (isMine) {
                    mine = state;
                    mineAt = at;
                } else {
                    partner = state;
                    partnerAt = at;
                }
            } else if (lx.is(word, LeaseParser.MCLT)) {
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
}
