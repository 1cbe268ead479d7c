package io.ironlease.pools.golden;

import io.ironlease.pools.PoolsMain;
import io.ironlease.pools.input.PoolsInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs our CLI in-process on a reference case and captures what it printed and its exit code. */
public final class CaseRunner {

    /** The outcome of one run; {@code stdout} is the -o file's content when the case writes one. */
    public record Outcome(int exit, String stdout, String stderr) {
    }

    private CaseRunner() {
    }

    public static Outcome run(ReferenceCase c, PoolsInput input, Path scratch, String... extra) {
        List<String> args = new ArrayList<>(List.of("-c", c.config().toString(), "-l", c.leases().toString()));
        Path outFile = scratch.resolve(c.file());
        for (String arg : c.args()) {
            args.add(arg.equals("FILE") ? outFile.toString() : arg);
        }
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // the reference was printed by a program called dhcpd-pools, which the alarm line names
        int exit = PoolsMain.run(args.toArray(String[]::new), out, new PrintStream(err, true, StandardCharsets.UTF_8),
                input, "dhcpd-pools");
        String stdout = out.toString(StandardCharsets.UTF_8);
        if (c.writesToFile()) {
            try {
                stdout = Files.readString(outFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Outcome(exit, stdout, err.toString(StandardCharsets.UTF_8));
    }

    /** The html lines that depend on where and when it ran (the lease file line, our name). */
    public static String normalizeHtml(String html) {
        return html.replaceAll("(?m)^<small>File .* was last modified at .*</small><hr />$", "<small>FILE</small>")
                .replaceAll("(?m)^<small>Generated using .*<br />$", "<small>Generated using GENERATOR<br />");
    }
}
