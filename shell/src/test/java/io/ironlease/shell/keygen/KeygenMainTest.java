package io.ironlease.shell.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.keys.OmapiKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KeygenMainTest {

    private static final Pattern STANZA = Pattern.compile(
            "key (\\S+) \\{\n  algorithm (\\S+);\n  secret \"([A-Za-z0-9+/=]+)\";\n};\n");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new KeygenMain());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void printsAStanzaWithASixteenByteMd5Secret() {
        assertThat(run("omapi_key")).isZero();
        Matcher m = STANZA.matcher(out.toString());
        assertThat(m.matches()).as(out.toString()).isTrue();
        assertThat(m.group(1)).isEqualTo("omapi_key");
        assertThat(m.group(2)).isEqualTo("hmac-md5");
        assertThat(OmapiKey.decodeSecret(m.group(3))).hasSize(16);
    }

    @Test
    void everyRunGivesANewSecret() {
        run("k");
        run("k");
        String[] stanzas = out.toString().split("(?<=};\n)");
        assertThat(stanzas).hasSize(2);
        assertThat(stanzas[0]).isNotEqualTo(stanzas[1]);
    }

    @Test
    void sha256KeysAreThirtyTwoBytes() {
        assertThat(run("k", "--algorithm", "hmac-sha256")).isZero();
        Matcher m = STANZA.matcher(out.toString());
        assertThat(m.matches()).isTrue();
        assertThat(m.group(2)).isEqualTo("hmac-sha256");
        assertThat(OmapiKey.decodeSecret(m.group(3))).hasSize(32);
    }

    @Test
    void writesTheKeyFileOwnerOnlyAndNeverOverwrites(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("omapi.key");
        assertThat(run("omapi_key", "-o", file.toString())).isZero();
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(file)).isEqualTo(out.toString());

        String before = Files.readString(file);
        assertThat(run("omapi_key", "-o", file.toString())).isEqualTo(KeygenMain.EXIT_WRITE_FAILED);
        assertThat(err.toString()).contains("file exists");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void rejectsUnknownAlgorithmAndOddNames() {
        assertThat(run("k", "--algorithm", "rot13")).isEqualTo(2);
        assertThat(err.toString()).contains("expected one of: hmac-md5");
        assertThat(run("bad name;")).isEqualTo(2);
    }
}
