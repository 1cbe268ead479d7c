package io.ironlease.omapi.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real ISC programs with a time limit; a missing program fails the test, never skips it. */
public final class Programs {

    /** What a finished program printed. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private Programs() {
    }

    /** The program's path; fails the test when it is not installed. */
    public static String require(String... candidates) {
        for (String candidate : candidates) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        throw new AssertionError("required program not installed: " + String.join(" or ", candidates)
                + " (CI installs it; see .ci/run)");
    }

    /** Runs a command with {@code stdin} as its input; kills it (by its own PID) after {@code seconds}. */
    public static Result run(List<String> command, String stdin, long seconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ironlease-prog", ".out");
        Path err = Files.createTempFile("ironlease-prog", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError(command + " did not finish within " + seconds + " s; printed: "
                        + Files.readString(out));
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs a command that must succeed. */
    public static String check(String... command) throws IOException, InterruptedException {
        Result result = run(List.of(command), "", 30);
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", command), result.stderr()).isZero();
        return result.stdout();
    }
}
