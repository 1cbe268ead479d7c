package io.ironlease.shared.leases;

/**
 * The analyzer's fast path over the same grammar: of a lease record it decodes only the address,
 * binding state, starts, ends and hardware address into a reused {@link LeaseSummary}; every other
 * statement and declaration is skipped lexically, without allocating.
 */
final class LeaseSummaryParser {

    private final LeaseLexer lx;
    private final LeaseParser parser;

    LeaseSummaryParser(LeaseLexer lexer, LeaseParser parser) {
        this.lx = lexer;
        this.parser = parser;
    }

    /** The fast path: fills {@code out} for a lease record and returns true; skips any other declaration. */
    boolean parse(LeaseSummary out) {
        int start = lx.requireWord("a declaration (lease, host, group, failover peer, server-duid, ...)");
        if (!lx.is(start, LeaseParser.LEASE)) {
            if (!isDeclaration(start)) {
                throw lx.syntax(start, "unknown declaration " + lx.describe(start));
            }
            lx.skipStatement();
            return false;
        }
        out.reset(lx.ipv4());
        lx.expect('{');
        for (int word; (word = lx.nextStatement("a lease statement or '}'")) >= 0; ) {
            if (lx.is(word, LeaseParser.STARTS)) {
                out.starts(parser.dateStatement());
            } else if (lx.is(word, LeaseParser.ENDS)) {
                out.ends(parser.dateStatement());
            } else if (lx.is(word, LeaseParser.BINDING)) {
                out.state(parser.stateStatement());
            } else if (lx.is(word, LeaseParser.HARDWARE)) {
                int type = parser.hardwareType();
                int n = lx.colonHex("a hardware address");
                parser.checkHardwareLength(word, n);
                lx.expect(';');
                out.hardware(type, lx.scratch(), n);
            } else if (lx.is(word, LeaseParser.ABANDONED)) {
                lx.expect(';');
                out.state(BindingState.ABANDONED);
            } else {
                lx.skipStatement();
            }
        }
        if (!out.stateGiven()) {
            out.inferState(out.ends() == LeaseTime.NEVER || out.ends() > parser.now ? BindingState.ACTIVE
                    : BindingState.FREE);
        }
        return true;
    }

    private boolean isDeclaration(int start) {
        if (lx.is(start, LeaseParser.HOST) || lx.is(start, LeaseParser.GROUP) || lx.is(start, LeaseParser.FAILOVER) || lx.is(start, LeaseParser.SERVER_DUID)
                || lx.is(start, LeaseParser.AUTHORING)) {
            return true;
        }
        for (byte[] raw : LeaseParser.RAW_RECORDS) {
            if (lx.is(start, raw)) {
                return true;
            }
        }
        return false;
    }
}
