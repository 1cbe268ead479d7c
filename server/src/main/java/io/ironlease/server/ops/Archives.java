package io.ironlease.server.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** tar.gz archives through the system's {@code tar}, which every Linux has and which keeps modes and owners. */
final class Archives {

    private Archives() {
    }

    /** Writes {@code archive} holding {@code entries} of {@code dir}. */
    static void create(Path archive, Path dir, List<String> entries) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("tar", "-C", dir.toString(), "-czf", archive.toString()));
        command.addAll(entries);
        run(command);
    }

    /** Unpacks {@code archive} into {@code dir}. */
    static void extract(Path archive, Path dir) throws IOException {
        run(List.of("tar", "-C", dir.toString(), "-xzf", archive.toString()));
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": timed out");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + ": interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(output.isEmpty() ? "tar exited with " + process.exitValue() : output);
        }
    }
}
