package io.ironlease.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shell.lang.Interpreter;
import io.ironlease.shell.lang.OmapiSession;
import io.ironlease.shell.lang.Services;
import io.ironlease.shell.lang.StreamOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive shell on a JLine dumb terminal over byte streams. */
class ReplTest {

    @TempDir
    Path dir;

    /** Connects; open answers with the lookup values plus a state, as a server would. */
    private static final class EchoSession implements OmapiSession {
        @Override
        public Connection connect(String server, int port, Credentials credentials) {
            return new Connection() {
                @Override
                public OmapiObject open(String type, OmapiValues values, boolean create) {
                    return new OmapiObject(5, values.toBuilder().putInt32("state", 2).build());
                }

                @Override
                public OmapiObject refresh(int handle) throws OmapiException {
                    throw new OmapiException(OmapiStatus.NOT_FOUND);
                }

                @Override
                public void update(int handle, OmapiValues values) {
                }

                @Override
                public void remove(int handle) {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private String run(String typed, Path history) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), out, StandardCharsets.UTF_8)) {
            assertThat(Repl.colourFor(terminal, true)).isFalse();
            assertThat(Repl.run(terminal, new EchoSession(), Services.none(), history, false)).isZero();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void speaksOmshellAndEndsAtEndOfInput() throws Exception {
        Path history = dir.resolve("history");
        String shown = run("port 7911\nconnect\nnew lease\nset ip-address = 10.0.0.1\nopen\nset client-hostname = \"caf\u00e9\"\n",
                history);
        assertThat(shown).contains("obj: <null>", "obj: lease\nip-address = 0a:00:00:01\nstate = 00:00:00:02\n",
                "client-hostname = \"caf\u00e9\"\n");
        assertThat(Files.readString(history)).contains("set ip-address = 10.0.0.1", "open");
    }

    @Test
    void errorsAndHelpShowToo() throws Exception {
        String shown = run("help\nopen\nfoo\n", dir.resolve("h2"));
        assertThat(shown).contains("Commands:\n  port <server omapi port>", "not connected.",
                "<STDIN> line 1: unknown token: foo");
    }

    @Test
    void printsTheSameTextAsScriptModeWithoutColours() throws Exception {
        String script = "connect\nnew host\nset name = \"h\"\nopen\nclose\n";
        String shown = run(script, dir.resolve("h3"));
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        Interpreter interpreter = new Interpreter(new EchoSession(), new StreamOutput(plain, plain), Services.none());
        for (String line : script.split("(?<=\n)")) {
            interpreter.execute(line);
            interpreter.printState();
        }
        for (String piece : plain.toString(StandardCharsets.UTF_8).split("\n")) {
            assertThat(shown).contains(piece);
        }
    }

    @Test
    void completesCommandsTypesAndAttributes() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Interpreter interpreter = new Interpreter(new EchoSession(), new StreamOutput(sink, sink), Services.none());
        OmshellCompleter completer = new OmshellCompleter(interpreter);
        assertThat(completer.words(List.of(""), 0)).contains("connect", "new", "set", "key-algorithm");
        assertThat(completer.words(List.of("new", ""), 1)).containsExactly("lease", "host", "group", "control",
                "failover-state");
        assertThat(completer.words(List.of("key-algorithm", ""), 1)).contains("hmac-md5", "hmac-sha256");
        assertThat(completer.words(List.of("set", ""), 1)).contains("ip-address", "local-state", "statements");
        interpreter.execute("connect\n");
        interpreter.execute("new failover-state\n");
        assertThat(completer.words(List.of("set", ""), 1)).contains("local-state", "mclt").doesNotContain("statements");
        assertThat(completer.words(List.of("set", "mclt", ""), 2)).isEmpty();
    }
}
