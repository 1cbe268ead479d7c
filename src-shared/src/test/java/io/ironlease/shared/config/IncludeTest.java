package io.ironlease.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.shared.config.model.DhcpConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code include}: lookup relative to the including file, positions in the included file, cycles. */
class IncludeTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void includedStatementsJoinTheIncludingScope() throws Exception {
        Path main = write("main.conf", "authoritative;\nsubnet 10.0.0.0 netmask 255.255.255.0 {\n"
                + "  include \"sub/options.conf\";\n}\n");
        write("sub/options.conf", "option routers 10.0.0.1;\ninclude \"range.conf\";\n");
        write("sub/range.conf", "range 10.0.0.10 10.0.0.20;\n");

        DhcpConfig config = ConfigLoader.load(main);

        assertThat(config.subnets().get(0).scope().option("routers")).isPresent();
        assertThat(config.subnets().get(0).ranges()).singleElement().satisfies(r ->
                assertThat(r.pos().toString()).isEqualTo(dir.resolve("sub/range.conf") + ":1:1"));
        assertThat(config.files()).containsExactly(main.toString(), dir.resolve("sub/options.conf").toString(),
                dir.resolve("sub/range.conf").toString());
    }

    @Test
    void errorsInAnIncludedFileNameThatFile() throws IOException {
        Path main = write("main.conf", "include \"bad.conf\";\n");
        write("bad.conf", "\n  defualt-lease-time 5;\n");

        ConfigResult result = ConfigLoader.loadLenient(main);

        assertThat(result.errors()).singleElement().satisfies(e ->
                assertThat(e.pos()).isEqualTo(new SourcePos(dir.resolve("bad.conf").toString(), 2, 3)));
    }

    @Test
    void absolutePathsWork() throws Exception {
        Path other = write("elsewhere/keys.conf", "key k { algorithm hmac-md5; secret YWJj; }\n");
        Path main = write("main.conf", "include \"" + other.toAbsolutePath() + "\";\n");

        assertThat(ConfigLoader.load(main).key("k")).isPresent();
    }

    @Test
    void cyclesAreReportedWithTheChain() throws IOException {
        Path main = write("main.conf", "include \"a.conf\";\n");
        write("a.conf", "include \"main.conf\";\n");

        ConfigResult result = ConfigLoader.loadLenient(main);

        assertThat(result.errors()).extracting(ConfigError::toString).containsExactly(
                dir.resolve("a.conf") + ":1:9: include cycle: main.conf -> a.conf -> main.conf");
    }

    @Test
    void missingIncludeIsAnErrorAtTheFileName() throws IOException {
        Path main = write("main.conf", "authoritative;\ninclude \"missing.conf\";\n");

        ConfigResult result = ConfigLoader.loadLenient(main);

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.pos()).isEqualTo(new SourcePos(main.toString(), 2, 9));
            assertThat(e.message()).startsWith("include file \"missing.conf\" not found (looked in: "
                    + dir.resolve("missing.conf").toAbsolutePath());
        });
    }

    @Test
    void missingMainFile() {
        ConfigResult result = ConfigLoader.loadLenient(dir.resolve("nope.conf"));

        assertThat(result.errors()).extracting(ConfigError::toString)
                .containsExactly(dir.resolve("nope.conf") + ":1:1: cannot read config file: no such file");
    }
}
