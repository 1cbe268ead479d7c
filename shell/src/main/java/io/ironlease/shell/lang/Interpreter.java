package io.ironlease.shell.lang;

import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.shell.lang.OmapiSession.Connection;
import io.ironlease.shell.lang.OmapiSession.Credentials;
import io.ironlease.shell.lang.ShellOutput.Style;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    private final OmapiSession session;
    private final ShellOutput out;
    private final Link link = new Link();
    private final Settings settings;
    private final ObjectCommands objects;

    public Interpreter(OmapiSession session, ShellOutput out, Services services) {
        this.session = session;
        this.out = out;
        this.settings = new Settings(this::say, services);
        this.objects = new ObjectCommands(link, out);
    }

    /** What omshell prints before a prompt: nothing until connected, then the object or {@code obj: <null>}. */
    public void printState() {
        if (!link.connected) {
            return;
        }
        LocalObject object = objects.object;
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
            case "port" -> settings.port(lexer);
            case "server" -> settings.server(lexer);
            case "key" -> settings.key(lexer);
            case "key-algorithm" -> settings.keyAlgorithm(lexer);
            case "connect" -> connect(lexer);
            case "disconnect" -> disconnect(lexer);
            case "new" -> objects.newObject(lexer);
            case "close" -> objects.close(lexer);
            case "set" -> objects.set(lexer);
            case "unset" -> objects.unset(lexer);
            case "create", "open" -> objects.open(lexer, command.equals("create"));
            case "update" -> objects.update(lexer);
            case "remove" -> objects.remove(lexer);
            case "refresh" -> objects.refresh(lexer);
            default -> {
                lexer.warn("unknown token: " + token.text());
                lexer.skipToSemicolon();
            }
        }
    }

    /** Whether {@code connect} succeeded (and no {@code disconnect} since). */
    public boolean isConnected() {
        return link.connected;
    }

    /** The local object's type, if there is one. */
    public Optional<String> objectType() {
        return Optional.ofNullable(objects.object).map(LocalObject::type);
    }

    /** Closes the connection, if any (at exit). */
    public void shutdown() {
        if (link.connection != null) {
            link.connection.close();
            link.connection = null;
        }
    }

    private void say(String text) {
        out.print(text + "\n", Style.ERROR);
    }

    private void connect(Lexer lexer) {
        if (!Settings.endOrUsage(lexer, this::say, "usage: connect")) {
            return;
        }
        Credentials credentials = settings.credentials();
        out.flush();
        try {
            Connection fresh = session.connect(settings.server, settings.port, credentials);
            if (link.connection != null) {
                link.connection.close();
            }
            link.connection = fresh;
            link.connected = true;
            link.lost = false;
        } catch (OmapiException e) {
            out.error("dhcpctl_connect: " + e.status().text());
            if (link.connected) {
                link.lost = true;   // omshell has dropped its old connection handle: later requests fail
            }
        }
    }

    private void disconnect(Lexer lexer) {
        if (!Settings.endOrUsage(lexer, this::say, "usage: disconnect")) {
            return;
        }
        if (!link.connected) {
            out.error("not connected");
            return;
        }
        if (link.lost) {
            out.error("dhcpctl_disconnect detected invalid arg");
            out.error("dhcpctl_disconnect: invalid argument");
            return;
        }
        link.connection.close();
        link.connection = null;
        link.connected = false;
    }
}
