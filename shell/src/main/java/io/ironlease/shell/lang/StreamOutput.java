package io.ironlease.shell.lang;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Plain output to two byte streams, as omshell writes stdout and stderr: no colours, each char of
 * byte text written as its byte. Standard output is flushed before the shell waits (for input or for
 * the server), standard error at once.
 */
public final class StreamOutput implements ShellOutput {

    private final OutputStream out;
    private final OutputStream err;

    public StreamOutput(OutputStream out, OutputStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void print(String text, Style style) {
        write(out, text);
    }

    @Override
    public void error(String line) {
        write(err, line + "\n");
        try {
            err.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(OutputStream stream, String text) {
        try {
            stream.write(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
