package io.ironlease.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged distribution (dist/target/ironlease) runs from any directory, with its docs. */
class DistributionIT {

    private static final Path HOME = Path.of("target", "ironlease").toAbsolutePath();
    private static final List<String> COMMANDS =
            List.of("ironlease-server", "ironlease-shell", "ironlease-pools", "ironlease-keygen", "ironlease-probe",
                    "ironlease-backup", "ironlease-restore");

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Path cwd, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("dist-out", ".txt");
        Path err = Files.createTempFile("dist-err", ".txt");
        Process process = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void everyLauncherAnswersHelpFromAnotherDirectory(@TempDir Path elsewhere) throws Exception {
        for (String command : COMMANDS) {
            Path launcher = HOME.resolve("bin").resolve(command);
            assertThat(Files.isExecutable(launcher)).as(command).isTrue();
            Run help = run(elsewhere, launcher.toString(), "--help");
            assertThat(help.exit()).as(command + ": " + help.err()).isZero();
            assertThat(help.out()).as(command).contains("Usage:");
            assertThat(help.err()).as(command + " must not warn about logging").doesNotContain("SLF4J");
        }
    }

    @Test
    void keygenStanzaChecksCleanInTheServer(@TempDir Path dir) throws Exception {
        Run key = run(dir, HOME.resolve("bin/ironlease-keygen").toString(), "omapi_key");
        assertThat(key.exit()).isZero();
        Path conf = dir.resolve("dhcpd.conf");
        Files.writeString(conf, key.out() + "omapi-port 7911;\nomapi-key omapi_key;\n"
                + "subnet 192.0.2.0 netmask 255.255.255.0 { range 192.0.2.10 192.0.2.20; }\n");
        Run check = run(dir, HOME.resolve("bin/ironlease-server").toString(), "-t", "-cf", conf.toString());
        assertThat(check.exit()).as(check.err()).isZero();
    }

    @Test
    void exitCodesPassThrough(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.conf");
        Files.writeString(broken, "subnet 192.0.2.0 netmask 255.255.255.0 { rnage 192.0.2.1 192.0.2.9; }\n");
        Run check = run(dir, HOME.resolve("bin/ironlease-server").toString(), "-t", "-cf", broken.toString());
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.err()).contains("broken.conf:1:");
        Run pools = run(dir, HOME.resolve("bin/ironlease-pools").toString(), "-c", dir.resolve("missing.conf").toString());
        assertThat(pools.exit()).isEqualTo(3);
    }

    @Test
    void manPagesCompletionAndUnitsAreShipped() throws Exception {
        for (String command : COMMANDS) {
            Path page = HOME.resolve("man/man1/" + command + ".1");
            assertThat(page).isRegularFile();
            assertThat(Files.readString(page)).contains(".TH \"" + command.toUpperCase().replace("-", "\\-") + "\" \"1\"");
            assertThat(HOME.resolve("completion/" + command)).content().contains("complete ");
        }
        assertThat(HOME.resolve("man/man1/ironlease-shell-failover-state.1")).isRegularFile();
        assertThat(HOME.resolve("systemd/ironlease-server.service")).content().contains("ExecStartPre=");
        assertThat(HOME.resolve("bin/ironlease-backup")).isExecutable();
        assertThat(HOME.resolve("bin/ironlease-restore")).isExecutable();
    }

    /**
     * systemd accepts the shipped units as they would be installed (the distribution at /opt/ironlease,
     * here at its build location): every directive known, every command executable. Skipped where
     * systemd-analyze is not installed.
     */
    @Test
    void systemdUnitsVerify(@TempDir Path units) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze not installed");
        for (String unit : List.of("ironlease-server.service", "ironlease-backup.service", "ironlease-backup.timer")) {
            Files.writeString(units.resolve(unit), Files.readString(HOME.resolve("systemd/" + unit))
                    .replace("/opt/ironlease", HOME.toString()));
        }
        Run verify = run(units, "/usr/bin/systemd-analyze", "verify", units.resolve("ironlease-server.service").toString(),
                units.resolve("ironlease-backup.service").toString(), units.resolve("ironlease-backup.timer").toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.err()).as("systemd-analyze warnings").doesNotContain("Unknown", "not executable", "Failed");
    }
}
