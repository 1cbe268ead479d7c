package io.ironlease.shell.lang;

import io.ironlease.shell.lang.OmapiSession.Credentials;
import io.ironlease.shell.lang.Token.Kind;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * What omshell's {@code server}, {@code port}, {@code key} and {@code key-algorithm} set for the next
 * {@code connect}, parsed as omshell parses them: a server is a name or a dotted quad (kept even when
 * the line goes on, so {@code server a.b} sets {@code a}), a port a number or a TCP service name, a key
 * a dotted name and a base64 secret; the key name stays set even when its secret is refused.
 */
final class Settings {

    private final Consumer<String> say;
    private final Services services;
    String server = "127.0.0.1";
    int port = 7911;
    private String keyName;
    private byte[] secret = new byte[0];
    private String algorithm = "hmac-md5";

    Settings(Consumer<String> say, Services services) {
        this.say = say;
        this.services = services;
    }

    /** The key for {@code connect}, or null when no {@code key} command was given. */
    Credentials credentials() {
        return keyName == null ? null : new Credentials(keyName, secret, algorithm);
    }

    /** True at the end of the line; otherwise prints {@code usage} and drops the rest. */
    static boolean endOrUsage(Lexer lexer, Consumer<String> say, String usage) {
        if (lexer.next().isEnd()) {
            return true;
        }
        say.accept(usage);
        lexer.skipToSemicolon();
        return false;
    }

    void port(Lexer lexer) {
        Token token = lexer.next();
        if (token.isIdentifier()) {
            OptionalInt named = services.tcpPort(token.text());
            if (named.isEmpty()) {
                say.accept("unknown service name: " + token.text());
                return;
            }
            port = named.getAsInt();
        } else if (token.kind() == Kind.NUMBER) {
            port = IscParsers.atoi(token.text());
        } else {
            lexer.skipToSemicolon();
            say.accept("usage: port <port>");
            return;
        }
        endOrUsage(lexer, say, "usage: port <server>");
    }

    void server(Lexer lexer) {
        Token token = lexer.next();
        String name;
        if (token.kind() == Kind.NUMBER) {
            StringBuilder quad = new StringBuilder(token.text());
            for (int part = 0; part < 3; part++) {
                if (!lexer.next().isChar('.') || (token = lexer.next()).kind() != Kind.NUMBER) {
                    say.accept("usage: server <server>");
                    lexer.skipToSemicolon();
                    return;
                }
                quad.append('.').append(token.text());
            }
            name = quad.toString();
        } else if (token.isIdentifier()) {
            name = token.text();
        } else {
            say.accept("usage: server <server>");
            lexer.skipToSemicolon();
            return;
        }
        server = name;
        endOrUsage(lexer, say, "usage: server <server>");
    }

    void key(Lexer lexer) {
        String name = null;
        if (lexer.peek().kind() != Kind.STRING) {
            name = IscParsers.hostName(lexer);
        } else {
            lexer.next();   // omshell takes a quoted name only if it is an identifier, which it never is
        }
        if (name == null) {
            say.accept("usage: key <name> <value>");
            lexer.skipToSemicolon();
            return;
        }
        keyName = name;
        secret = new byte[0];
        byte[] decoded = IscParsers.base64(lexer);
        if (decoded == null) {
            lexer.skipToSemicolon();
            return;
        }
        secret = decoded;
        endOrUsage(lexer, say, "usage: key <name> <value>");
    }

    void keyAlgorithm(Lexer lexer) {
        Token token = lexer.next();
        if (token.kind() != Kind.NAME || token.keyword()) {
            say.accept("missing or invalid algorithm name");
            say.accept("usage: key-algoritm <algorithm name>");
            lexer.skipToSemicolon();
            return;
        }
        algorithm = token.text();
        if (!lexer.next().isEnd()) {
            say.accept("extra information after " + algorithm);
            say.accept("usage: key-algorithm <algorithm name>");
            lexer.skipToSemicolon();
        }
    }
}
