package io.ironlease.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.client.OmapiObject;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever is typed, the interpreter prints and carries on: no exception, one prompt per line. */
class InterpreterProperties {

    /** Connects; every request fails with "not found". */
    private static final class RefusingSession implements OmapiSession {
        @Override
        public Connection connect(String server, int port, Credentials credentials) {
            return new Connection() {
                @Override
                public OmapiObject open(String type, OmapiValues values, boolean create) throws OmapiException {
                    throw new OmapiException(OmapiStatus.NOT_FOUND);
                }

                @Override
                public OmapiObject refresh(int handle) throws OmapiException {
                    throw new OmapiException(OmapiStatus.NOT_FOUND);
                }

                @Override
                public void update(int handle, OmapiValues values) throws OmapiException {
                    throw new OmapiException(OmapiStatus.NOT_FOUND);
                }

                @Override
                public void remove(int handle) throws OmapiException {
                    throw new OmapiException(OmapiStatus.NOT_FOUND);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Property(tries = 300)
    void anyLineIsHandled(@ForAll("lines") String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StreamOutput output = new StreamOutput(out, err);
        Interpreter interpreter = new Interpreter(new RefusingSession(), output, Services.none());
        interpreter.execute("connect\n");
        interpreter.execute("new lease\n");
        interpreter.execute(line);
        out.reset();
        interpreter.printState();
        String state = out.toString(StandardCharsets.ISO_8859_1);
        if (interpreter.isConnected()) {
            assertThat(state).startsWith("obj: ");
        } else {
            assertThat(state).isEmpty();
        }
    }

    @Property(tries = 100)
    void scriptsEndWithOnePromptPerLine(@ForAll("scripts") String script) throws Exception {
        Scripts.Printed printed = Scripts.run(script, new RefusingSession());
        assertThat(printed.out()).endsWith("> ");
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> words = Arbitraries.of("set", "unset", "new", "open", "create", "update", "remove", "refresh",
                "close", "key", "key-algorithm", "port", "server", "disconnect", "help", "=", ".", ":", "\"", "\\", "#",
                "1", "-", "0x1f", "ab", "zz", "1.2.3.4", "52:54:00:cc:00:01", "\"text\"", "\t", "\u00e9", "\u00ff", "\0");
        Arbitrary<String> noise = Arbitraries.strings().withCharRange('\0', '\u00ff').ofMaxLength(40);
        return Arbitraries.oneOf(words.list().ofMaxSize(8).map(list -> String.join(" ", list) + "\n"), noise);
    }

    @Provide
    Arbitrary<String> scripts() {
        return lines().list().ofMaxSize(20).map(list -> String.join("", list));
    }
}
