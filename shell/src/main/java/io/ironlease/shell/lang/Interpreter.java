package io.ironlease.shell.lang;

import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.shell.lang.OmapiSession.Connection;
import io.ironlease.shell.lang.OmapiSession.Credentials;
import io.ironlease.shell.lang.ShellOutput.Style;
import io.ironlease.shell.lang.Token.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The omshell command language (ISC dhcp 4.4.3's omshell.c, as observed from /usr/bin/omshell and the
 * captures in OMAPI-NOTES section 9): {@code server}, {@code port}, {@code key}, {@code key-algorithm},
 * {@code connect}, {@code disconnect}, {@code new}, {@code set}, {@code unset}, {@code open},
 * {@code create}, {@code update}, {@code remove}, {@code refresh}, {@code close}, {@code help}. Pure: it
 * reaches the server only through an {@link OmapiSession}, and prints only to a {@link ShellOutput}.
 * One {@link #execute} per input line; {@link #printState} is what omshell prints before each prompt.
 */
public final class Interpreter {

    static final List<String> HELP = List.of("Commands:", "  port <server omapi port>", "  server <server address>",
            "  key <key name> <key value>", "  connect", "  disconnect", "  new <object-type>", "  set <name> = <value>",
            "  create", "  open", "  update", "  unset <name>", "  refresh", "  remove");
    private static final OmapiStatus NO_MORE = OmapiStatus.valueOf(29);

    private final OmapiSession session;
    private final ShellOutput out;
    private final Services services;
    private String server = "127.0.0.1";
    private int port = 7911;
    private String keyName;
    private byte[] secret = new byte[0];
    private String algorithm = "hmac-md5";
    private Connection connection;
    private boolean connected;
    private boolean lost;
    private LocalObject object;

    public Interpreter(OmapiSession session, ShellOutput out, Services services) {
        this.session = session;
        this.out = out;
        this.services = services;
    }

    /** What omshell prints before a prompt: nothing until connected, then the object or {@code obj: <null>}. */
    public void printState() {
        if (!connected) {
            return;
        }
        if (object == null) {
            out.print("obj: <null>\n", Style.OBJECT);
            return;
        }
        List<String> lines = object.lines();
        out.print(lines.get(0) + "\n", Style.OBJECT);
        for (String line : lines.subList(1, lines.size())) {
            int equals = line.indexOf(" = ");
            out.print(line.substring(0, equals + 3), Style.NAME);
            out.print(line.substring(equals + 3) + "\n", Style.VALUE);
        }
    }

    /** Runs one input line (byte text, with or without its newline). */
    public void execute(String line) {
        Lexer lexer = new Lexer(line, out::error);
        Token token = lexer.next();
        if (token.isEnd()) {
            return;
        }
        if (token.isChar('?') || token.is("help")) {
            HELP.forEach(text -> out.print(text + "\n", Style.PLAIN));
            lexer.skipToSemicolon();
            return;
        }
        String command = token.keyword() ? token.text().toLowerCase(Locale.ROOT) : "";
        switch (command) {
            case "port" -> port(lexer);
            case "server" -> server(lexer);
            case "key" -> key(lexer);
            case "key-algorithm" -> keyAlgorithm(lexer);
            case "connect" -> connect(lexer);
            case "disconnect" -> disconnect(lexer);
            case "new" -> newObject(lexer);
            case "close" -> close(lexer);
            case "set" -> set(lexer);
            case "unset" -> unset(lexer);
            case "create", "open" -> open(lexer, command.equals("create"));
            case "update" -> update(lexer);
            case "remove" -> remove(lexer);
            case "refresh" -> refresh(lexer);
            default -> {
                lexer.warn("unknown token: " + token.text());
                lexer.skipToSemicolon();
            }
        }
    }

    /** Whether {@code connect} succeeded (and no {@code disconnect} since). */
    public boolean isConnected() {
        return connected;
    }

    /** The local object's type, if there is one. */
    public Optional<String> objectType() {
        return Optional.ofNullable(object).map(LocalObject::type);
    }

    /** Closes the connection, if any (at exit). */
    public void shutdown() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private void say(String text) {
        out.print(text + "\n", Style.ERROR);
    }

    private boolean endOrUsage(Lexer lexer, String usage) {
        if (lexer.next().isEnd()) {
            return true;
        }
        say(usage);
        lexer.skipToSemicolon();
        return false;
    }

    private void port(Lexer lexer) {
        Token token = lexer.next();
        if (token.isIdentifier()) {
            OptionalInt named = services.tcpPort(token.text());
            if (named.isEmpty()) {
                say("unknown service name: " + token.text());
                return;
            }
            port = named.getAsInt();
        } else if (token.kind() == Kind.NUMBER) {
            port = IscParsers.atoi(token.text());
        } else {
            lexer.skipToSemicolon();
            say("usage: port <port>");
            return;
        }
        endOrUsage(lexer, "usage: port <server>");
    }

    private void server(Lexer lexer) {
        Token token = lexer.next();
        String name;
        if (token.kind() == Kind.NUMBER) {
            StringBuilder quad = new StringBuilder(token.text());
            for (int part = 0; part < 3; part++) {
                if (!lexer.next().isChar('.') || (token = lexer.next()).kind() != Kind.NUMBER) {
                    say("usage: server <server>");
                    lexer.skipToSemicolon();
                    return;
                }
                quad.append('.').append(token.text());
            }
            name = quad.toString();
        } else if (token.isIdentifier()) {
            name = token.text();
        } else {
            say("usage: server <server>");
            lexer.skipToSemicolon();
            return;
        }
        server = name;   // omshell keeps it even when the line goes on ("server a.b" sets "a")
        endOrUsage(lexer, "usage: server <server>");
    }

    private void key(Lexer lexer) {
        String name = null;
        if (lexer.peek().kind() != Kind.STRING) {
            name = IscParsers.hostName(lexer);
        } else {
            lexer.next();   // omshell takes a quoted name only if it is an identifier, which it never is
        }
        if (name == null) {
            say("usage: key <name> <value>");
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
        endOrUsage(lexer, "usage: key <name> <value>");
    }

    private void keyAlgorithm(Lexer lexer) {
        Token token = lexer.next();
        if (token.kind() != Kind.NAME || token.keyword()) {
            say("missing or invalid algorithm name");
            say("usage: key-algoritm <algorithm name>");
            lexer.skipToSemicolon();
            return;
        }
        algorithm = token.text();
        if (!lexer.next().isEnd()) {
            say("extra information after " + algorithm);
            say("usage: key-algorithm <algorithm name>");
            lexer.skipToSemicolon();
        }
    }

    private void connect(Lexer lexer) {
        if (!endOrUsage(lexer, "usage: connect")) {
            return;
        }
        Credentials credentials = keyName == null ? null : new Credentials(keyName, secret, algorithm);
        out.flush();
        try {
            Connection fresh = session.connect(server, port, credentials);
            if (connection != null) {
                connection.close();
            }
            connection = fresh;
            connected = true;
            lost = false;
        } catch (OmapiException e) {
            out.error("dhcpctl_connect: " + e.status().text());
            if (connected) {
                lost = true;   // omshell has dropped its old connection handle: later requests fail
            }
        }
    }

    private void disconnect(Lexer lexer) {
        if (!endOrUsage(lexer, "usage: disconnect")) {
            return;
        }
        if (!connected) {
            out.error("not connected");
            return;
        }
        if (lost) {
            out.error("dhcpctl_disconnect detected invalid arg");
            out.error("dhcpctl_disconnect: invalid argument");
            return;
        }
        connection.close();
        connection = null;
        connected = false;
    }

    private void newObject(Lexer lexer) {
        Token token = lexer.next();
        if (!token.isIdentifier() && token.kind() != Kind.STRING) {
            say("usage: new <object-type>");
            return;
        }
        if (object != null) {
            say("an object is already open.");
            lexer.skipToSemicolon();
            return;
        }
        if (!connected) {
            say("not connected.");
            lexer.skipToSemicolon();
            return;
        }
        object = new LocalObject(token.text());
        endOrUsage(lexer, "usage: new <object-type>");
    }

    private void close(Lexer lexer) {
        if (!endOrUsage(lexer, "usage: close") || !ready(lexer, "not open.", true)) {
            return;
        }
        object = null;
    }

    /** omshell's checks before an object command: connected, then an object; false after complaining. */
    private boolean ready(Lexer lexer, String noObject, boolean skip) {
        String complaint = !connected ? "not connected." : object == null ? noObject : null;
        if (complaint == null) {
            return true;
        }
        say(complaint);
        if (skip) {
            lexer.skipToSemicolon();
        }
        return false;
    }

    private void set(Lexer lexer) {
        Token token = lexer.next();
        if (!token.isIdentifier() && token.kind() != Kind.STRING) {
            setUsage(lexer);
            return;
        }
        if (!objectThenConnection(lexer)) {
            return;
        }
        String name = token.text();
        if (!lexer.next().isChar('=')) {
            setUsage(lexer);
            return;
        }
        ValueParser.Result value = ValueParser.parse(lexer, lexer.next(), () -> say("invalid value."));
        if (value.value() != null) {
            object.set(name, value.value());
        }
        if (!value.after().isEnd()) {
            setUsage(lexer);
        }
    }

    private void setUsage(Lexer lexer) {
        say("usage: set <name> = <value>");
        lexer.skipToSemicolon();
    }

    private boolean objectThenConnection(Lexer lexer) {
        String complaint = object == null ? "no open object." : !connected ? "not connected." : null;
        if (complaint != null) {
            say(complaint);
            lexer.skipToSemicolon();
        }
        return complaint == null;
    }

    private void unset(Lexer lexer) {
        Token token = lexer.next();
        if (!token.isIdentifier() && token.kind() != Kind.STRING) {
            say("usage: unset <name>");
            lexer.skipToSemicolon();
            return;
        }
        if (!objectThenConnection(lexer) || !endOrUsage(lexer, "usage: unset <name>")) {
            return;
        }
        object.set(token.text(), new Value.Null());
    }

    private void open(Lexer lexer, boolean create) {
        Token extra = lexer.next();
        if (!extra.isEnd()) {
            say("usage: " + extra.text());
            lexer.skipToSemicolon();
            return;
        }
        if (!ready(lexer, "you must make a new object first!", true)) {
            return;
        }
        try {
            OmapiObject reply = request(OmapiStatus.INVALID_ARGUMENT,
                    () -> connection.open(object.type(), object.changedValues(), create));
            object.update(reply.handle(), reply.values());
        } catch (OmapiException e) {
            say("can't open object: " + e.status().text());
        }
    }

    private void update(Lexer lexer) {
        Token extra = lexer.next();
        if (!extra.isEnd()) {
            say("usage: " + extra.text());
            lexer.skipToSemicolon();
            return;
        }
        if (!ready(lexer, "you haven't opened an object yet!", true)) {
            return;
        }
        try {
            request(OmapiStatus.INVALID_ARGUMENT, () -> {
                connection.update(object.handle(), object.changedValues());
                return null;
            });
        } catch (OmapiException e) {
            say("can't update object: " + e.status().text());
        }
    }

    private void remove(Lexer lexer) {
        if (!endOrUsage(lexer, "usage: remove") || !ready(lexer, "no object.", false)) {
            return;
        }
        try {
            request(OmapiStatus.INVALID_ARGUMENT, () -> {
                connection.remove(object.handle());
                return null;
            });
            object = null;
        } catch (OmapiException e) {
            say("can't destroy object: " + e.status().text());
        }
    }

    private void refresh(Lexer lexer) {
        if (!endOrUsage(lexer, "usage: refresh") || !ready(lexer, "no object.", false)) {
            return;
        }
        try {
            OmapiObject reply = request(NO_MORE, () -> connection.refresh(object.handle()));
            object.update(reply.handle(), reply.values());
        } catch (OmapiException e) {
            say("can't refresh object: " + e.status().text());
        }
    }

    private interface Request<T> {
        T send() throws OmapiException;
    }

    /**
     * Sends a request. Once a connection has been lost under a request, dhcpctl refuses every later one
     * with a status of its own (invalid argument; "no more" for refresh) without sending anything.
     */
    private <T> T request(OmapiStatus whenLost, Request<T> request) throws OmapiException {
        if (lost) {
            throw new OmapiException(whenLost);
        }
        out.flush();
        try {
            return request.send();
        } catch (OmapiException e) {
            if (e.status().equals(OmapiStatus.CONNECTION_RESET)) {
                lost = true;
            }
            throw e;
        }
    }
}
