package io.ironlease.shared.config;

import io.ironlease.shared.config.ast.FailoverSetting;
import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.config.model.FailoverRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code failover peer} declarations and references, and {@code key} stanzas. Inside a block, a bad
 * statement is reported and skipped so the rest of the block (and the peer's name) still count.
 */
final class FailoverParser {

    private static final Map<String, FailoverSetting.Parameter> NUMBERS = Map.of(
            "max-response-delay", FailoverSetting.Parameter.MAX_RESPONSE_DELAY,
            "max-unacked-updates", FailoverSetting.Parameter.MAX_UNACKED_UPDATES,
            "mclt", FailoverSetting.Parameter.MCLT,
            "split", FailoverSetting.Parameter.SPLIT,
            "max-lease-misbalance", FailoverSetting.Parameter.MAX_LEASE_MISBALANCE,
            "max-lease-ownership", FailoverSetting.Parameter.MAX_LEASE_OWNERSHIP,
            "min-balance", FailoverSetting.Parameter.MIN_BALANCE,
            "max-balance", FailoverSetting.Parameter.MAX_BALANCE,
            "auto-partner-down", FailoverSetting.Parameter.AUTO_PARTNER_DOWN);

    static final List<String> PEER_STATEMENTS = List.of("primary", "secondary", "address", "port",
            "peer address", "peer port", "max-response-delay", "max-unacked-updates", "mclt", "split", "hba",
            "load balance max seconds", "max-lease-misbalance", "max-lease-ownership", "min-balance",
            "max-balance", "auto-partner-down");

    private final TokenCursor cursor;
    private final ParseState state;

    FailoverParser(TokenCursor cursor, ParseState state) {
        this.cursor = cursor;
        this.state = state;
    }

    /** After {@code failover}: a declaration (global scope) or a reference (elsewhere). */
    Statement failover(Token keyword, boolean global) {
        cursor.expectKeyword("peer", " after failover");
        Token name = cursor.expectName("a failover peer name");
        if (cursor.accept(";")) {
            if (global) {
                throw TokenCursor.error(keyword, "failover peer \"" + name.text()
                        + "\"; refers to a peer, which only makes sense in a pool (or its subnet)");
            }
            return new Statement.FailoverPeerRef(keyword.pos(), name.text());
        }
        if (!global) {
            throw TokenCursor.error(keyword, "failover peer declarations belong at the top level of the file");
        }
        if (cursor.acceptWord("state")) {
            return state(keyword, name);
        }
        cursor.expectSymbol("{", " to open the failover peer declaration");
        List<FailoverSetting> settings = new ArrayList<>();
        boolean complete = true;
        while (!cursor.peek().isSymbol("}")) {
            if (cursor.atEof()) {
                throw TokenCursor.error(keyword, "failover peer \"" + name.text() + "\" is not closed with \"}\"");
            }
            try {
                settings.add(setting());
            } catch (ParseError e) {
                state.error(e.error().pos(), e.error().message());
                cursor.recover();
                complete = false;
            }
        }
        cursor.next();
        cursor.accept(";");
        return new Statement.FailoverPeer(keyword.pos(), name.text(), settings, complete);
    }

    private FailoverSetting setting() {
        Token word = cursor.expectWord("a failover peer statement");
        String text = word.text().toLowerCase(java.util.Locale.ROOT);
        FailoverSetting setting;
        if (text.equals("primary") || text.equals("secondary")) {
            setting = new FailoverSetting.Role(word.pos(),
                    text.equals("primary") ? FailoverRole.PRIMARY : FailoverRole.SECONDARY);
        } else if (text.equals("address")) {
            setting = new FailoverSetting.Address(word.pos(), false, OptionValueParser.hostRef(next("an address")));
        } else if (text.equals("port")) {
            setting = new FailoverSetting.Port(word.pos(), false, port());
        } else if (text.equals("peer")) {
            Token what = cursor.expectWord("\"address\" or \"port\" after peer");
            if (what.isWord("address")) {
                setting = new FailoverSetting.Address(word.pos(), true, OptionValueParser.hostRef(next("an address")));
            } else if (what.isWord("port")) {
                setting = new FailoverSetting.Port(word.pos(), true, port());
            } else {
                throw TokenCursor.error(what, "expected \"address\" or \"port\" after peer, got " + what.describe());
            }
        } else if (text.equals("load")) {
            cursor.expectKeyword("balance", " (load balance max seconds N)");
            cursor.expectKeyword("max", " (load balance max seconds N)");
            cursor.expectKeyword("seconds", " (load balance max seconds N)");
            setting = new FailoverSetting.Number(word.pos(), FailoverSetting.Parameter.LOAD_BALANCE_MAX_SECONDS,
                    number(0xffff_ffffL));
        } else if (text.equals("hba")) {
            Token hex = cursor.nextJoiningColons();
            byte[] bitmap = OptionValueParser.colonHex(hex.text());
            if (bitmap == null || bitmap.length != 32) {
                throw TokenCursor.error(hex, "hba must be 32 colon-separated hex bytes, got "
                        + (bitmap == null ? hex.describe() : bitmap.length + " bytes"));
            }
            setting = new FailoverSetting.Hba(word.pos(), bitmap);
        } else if (NUMBERS.containsKey(text)) {
            FailoverSetting.Parameter parameter = NUMBERS.get(text);
            long max = parameter == FailoverSetting.Parameter.SPLIT ? 256 : 0xffff_ffffL;
            setting = new FailoverSetting.Number(word.pos(), parameter, number(max));
        } else {
            throw TokenCursor.error(word, Suggestions.unknown("failover peer statement", word, PEER_STATEMENTS,
                    PEER_STATEMENTS));
        }
        cursor.expectSemicolon(word.text());
        return setting;
    }

    private Token next(String what) {
        return cursor.expectWord(what);
    }

    private int port() {
        Token token = cursor.expectWord("a port number");
        Long value = Numbers.parseDecimal(token.text());
        if (value == null || value < 1 || value > 65535) {
            throw TokenCursor.error(token, "port must be a number from 1 to 65535, got " + token.describe());
        }
        return value.intValue();
    }

    private long number(long max) {
        Token token = cursor.expectWord("a number");
        Long value = Numbers.parseDecimal(token.text());
        if (value == null || value > max) {
            throw TokenCursor.error(token, (max == 256 ? "split must be between 0 and 256, inclusive"
                    : "expected a number from 0 to " + max) + ", got " + token.describe());
        }
        return value;
    }

    private Statement state(Token keyword, Token name) {
        cursor.expectSymbol("{", " to open the failover state");
        String[] my = {"", ""};
        String[] partner = {"", ""};
        long mclt = 0;
        while (!cursor.accept("}")) {
            Token word = cursor.expectWord("\"my state\", \"partner state\" or \"mclt\"");
            if (word.isWord("my") || word.isWord("partner")) {
                cursor.expectKeyword("state", " after " + word.text());
                String[] target = word.isWord("my") ? my : partner;
                target[0] = cursor.expectWord("a failover state name").text();
                cursor.expectKeyword("at", " after the state name");
                int start = cursor.mark();
                while (!cursor.peek().isSymbol(";") && !cursor.atEof() && !cursor.peek().isSymbol("}")) {
                    cursor.next();
                }
                target[1] = cursor.textSince(start);
            } else if (word.isWord("mclt")) {
                mclt = number(0xffff_ffffL);
            } else {
                throw TokenCursor.error(word, "unexpected " + word.describe()
                        + " in failover state; expected my state, partner state or mclt");
            }
            cursor.expectSemicolon(word.text());
        }
        cursor.accept(";");
        return new Statement.FailoverState(keyword.pos(), name.text(), my[0], my[1], partner[0], partner[1], mclt);
    }

    /** After {@code key}: {@code NAME { algorithm A; secret S; }} with an optional trailing {@code ;}. */
    Statement key(Token keyword) {
        Token name = cursor.expectName("a key name");
        cursor.expectSymbol("{", " to open the key");
        String algorithm = null;
        SourcePos algorithmPos = keyword.pos();
        String secret = null;
        SourcePos secretPos = keyword.pos();
        while (!cursor.accept("}")) {
            if (cursor.atEof()) {
                throw TokenCursor.error(keyword, "key " + name.text() + " is not closed with \"}\"");
            }
            try {
                Token word = cursor.expectWord("algorithm or secret");
                if (word.isWord("algorithm")) {
                    Token value = cursor.expectName("an algorithm name");
                    algorithm = value.text();
                    algorithmPos = value.pos();
                } else if (word.isWord("secret")) {
                    secretPos = cursor.peek().pos();
                    StringBuilder text = new StringBuilder();
                    while (!cursor.peek().isSymbol(";") && !cursor.peek().isSymbol("}") && !cursor.atEof()) {
                        text.append(cursor.next().text());
                    }
                    secret = text.toString();
                } else {
                    throw TokenCursor.error(word, "unexpected " + word.describe()
                            + " in key " + name.text() + "; expected algorithm or secret");
                }
                cursor.expectSemicolon(word.text());
            } catch (ParseError e) {
                state.error(e.error().pos(), e.error().message());
                cursor.recover();
            }
        }
        cursor.accept(";");
        if (algorithm == null) {
            state.error(keyword.pos(), "key " + name.text() + " has no algorithm (e.g. algorithm hmac-md5;)");
        }
        if (secret == null) {
            state.error(keyword.pos(), "key " + name.text() + " has no secret");
        }
        return new Statement.Key(keyword.pos(), name.text(), algorithm == null ? "" : algorithm, algorithmPos,
                secret == null ? "" : secret, secretPos);
    }
}
