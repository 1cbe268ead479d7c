package io.ironlease.shell.lang;

import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.shell.lang.ShellOutput.Style;
import io.ironlease.shell.lang.Token.Kind;

/**
 * omshell's commands on its one local object: {@code new}, {@code close}, {@code set}, {@code unset},
 * {@code open}, {@code create}, {@code update}, {@code remove}, {@code refresh}, each with omshell's
 * checks in omshell's order (which decides the message: "not connected.", "no open object.", "you
 * must make a new object first!", ...), and the request rules of dhcpctl.
 */
final class ObjectCommands {

    private static final OmapiStatus NO_MORE = OmapiStatus.valueOf(29);

    private final Link link;
    private final ShellOutput out;
    LocalObject object;

    ObjectCommands(Link link, ShellOutput out) {
        this.link = link;
        this.out = out;
    }

    private void say(String text) {
        out.print(text + "\n", Style.ERROR);
    }

    void newObject(Lexer lexer) {
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
        if (!link.connected) {
            say("not connected.");
            lexer.skipToSemicolon();
            return;
        }
        object = new LocalObject(token.text());
        Settings.endOrUsage(lexer, this::say, "usage: new <object-type>");
    }

    void close(Lexer lexer) {
        if (!Settings.endOrUsage(lexer, this::say, "usage: close") || !ready(lexer, "not open.", true)) {
            return;
        }
        object = null;
    }

    /** omshell's checks before an object command: connected, then an object; false after complaining. */
    private boolean ready(Lexer lexer, String noObject, boolean skip) {
        String complaint = !link.connected ? "not connected." : object == null ? noObject : null;
        if (complaint == null) {
            return true;
        }
        say(complaint);
        if (skip) {
            lexer.skipToSemicolon();
        }
        return false;
    }

    void set(Lexer lexer) {
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
        String complaint = object == null ? "no open object." : !link.connected ? "not connected." : null;
        if (complaint != null) {
            say(complaint);
            lexer.skipToSemicolon();
        }
        return complaint == null;
    }

    void unset(Lexer lexer) {
        Token token = lexer.next();
        if (!token.isIdentifier() && token.kind() != Kind.STRING) {
            say("usage: unset <name>");
            lexer.skipToSemicolon();
            return;
        }
        if (!objectThenConnection(lexer) || !Settings.endOrUsage(lexer, this::say, "usage: unset <name>")) {
            return;
        }
        object.set(token.text(), new Value.Null());
    }

    void open(Lexer lexer, boolean create) {
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
                    () -> link.connection.open(object.type(), object.changedValues(), create));
            object.update(reply.handle(), reply.values());
        } catch (OmapiException e) {
            say("can't open object: " + e.status().text());
        }
    }

    void update(Lexer lexer) {
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
                link.connection.update(object.handle(), object.changedValues());
                return null;
            });
        } catch (OmapiException e) {
            say("can't update object: " + e.status().text());
        }
    }

    void remove(Lexer lexer) {
        if (!Settings.endOrUsage(lexer, this::say, "usage: remove") || !ready(lexer, "no object.", false)) {
            return;
        }
        try {
            request(OmapiStatus.INVALID_ARGUMENT, () -> {
                link.connection.remove(object.handle());
                return null;
            });
            object = null;
        } catch (OmapiException e) {
            say("can't destroy object: " + e.status().text());
        }
    }

    void refresh(Lexer lexer) {
        if (!Settings.endOrUsage(lexer, this::say, "usage: refresh") || !ready(lexer, "no object.", false)) {
            return;
        }
        try {
            OmapiObject reply = request(NO_MORE, () -> link.connection.refresh(object.handle()));
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
        if (link.lost) {
            throw new OmapiException(whenLost);
        }
        out.flush();
        try {
            return request.send();
        } catch (OmapiException e) {
            if (e.status().equals(OmapiStatus.CONNECTION_RESET)) {
                link.lost = true;
            }
            throw e;
        }
    }
}
