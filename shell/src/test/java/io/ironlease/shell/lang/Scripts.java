package io.ironlease.shell.lang;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Runs omshell scripts through the interpreter and loads the captured ones (byte text, ISO-8859-1). */
final class Scripts {

    /** What a run printed. */
    record Printed(String out, String err) {
    }

    private Scripts() {
    }

    static Printed run(String script, OmapiSession session) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StreamOutput output = new StreamOutput(out, err);
        Interpreter interpreter = new Interpreter(session, output, Services.parse("domain 53/tcp\n"));
        try {
            ScriptRunner.run(new ByteArrayInputStream(script.getBytes(StandardCharsets.ISO_8859_1)), interpreter, output);
        } finally {
            interpreter.shutdown();
        }
        return new Printed(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1));
    }

    /** A resource as byte text; "" when {@code optional} and missing. */
    static String resource(String path, boolean optional) {
        try (InputStream in = Scripts.class.getResourceAsStream(path)) {
            if (in == null) {
                if (optional) {
                    return "";
                }
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
