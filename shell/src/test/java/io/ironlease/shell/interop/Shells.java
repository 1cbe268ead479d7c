package io.ironlease.shell.interop;

import io.ironlease.omapi.interop.Programs;
import io.ironlease.shell.lang.Interpreter;
import io.ironlease.shell.lang.ScriptRunner;
import io.ironlease.shell.lang.Services;
import io.ironlease.shell.lang.StreamOutput;
import io.ironlease.shell.session.ClientSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one omshell script through the real /usr/bin/omshell and through our shell (in-process). */
final class Shells {

    /** What a shell printed (byte text) and its exit code. */
    record Printed(String out, String err, int exitCode) {
    }

    private Shells() {
    }

    static Printed ours(String script) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StreamOutput output = new StreamOutput(out, err);
        Interpreter interpreter = new Interpreter(new ClientSession(Duration.ofSeconds(10), Duration.ofSeconds(20)),
                output, Services.system());
        try {
            ScriptRunner.run(new ByteArrayInputStream(script.getBytes(StandardCharsets.ISO_8859_1)), interpreter, output);
        } finally {
            interpreter.shutdown();
        }
        return new Printed(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1), 0);
    }

    /** The real omshell, script on stdin; killed (by its PID) after 60 s. */
    static Printed omshell(String script) throws IOException, InterruptedException {
        String omshell = Programs.require("/usr/bin/omshell");
        Path out = Files.createTempFile("omshell", ".out");
        Path err = Files.createTempFile("omshell", ".err");
        try {
            Process process = new ProcessBuilder(List.of(omshell)).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            process.getOutputStream().write(script.getBytes(StandardCharsets.ISO_8859_1));
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("omshell did not finish within 60 s; printed: " + Files.readString(out,
                        StandardCharsets.ISO_8859_1));
            }
            return new Printed(Files.readString(out, StandardCharsets.ISO_8859_1), Files.readString(err,
                    StandardCharsets.ISO_8859_1), process.exitValue());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A test resource as byte text. */
    static String resource(String path) {
        try (InputStream in = Shells.class.getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
