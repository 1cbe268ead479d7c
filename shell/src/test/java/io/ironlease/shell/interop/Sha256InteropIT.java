package io.ironlease.shell.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ironlease.omapi.interop.NetnsDhcpd;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HMAC-SHA256 with ISC dhcpd 4.4.3: omshell's {@code key-algorithm hmac-sha256} and ours print the
 * same; the one-shot commands take the algorithm from the key file or {@code --key-algorithm}.
 */
@Tag("interop")
class Sha256InteropIT {

    @TempDir
    Path dir;

    @Test
    void sha256KeysWorkWithDhcpd() throws Exception {
        OmapiKey key = OmapiKey.fromBase64("sha_key", KeyAlgorithm.HMAC_SHA256, "c2hhLTI1Ni10ZXN0LW9ubHkta2V5LTAxMjM0NTY3OA==");
        try (NetnsDhcpd dhcpd = LabDhcpd.plain(key, Instant.now())) {
            String script = "server 127.0.0.1\nport " + dhcpd.port() + "\nkey sha_key " + key.secretBase64()
                    + "\nkey-algorithm hmac-sha256\nconnect\nnew host\nset name = \"fixed-one\"\nopen\nclose\n"
                    + "new lease\nset ip-address = 192.168.100.100\nopen\n";
            Shells.Printed omshell = Shells.omshell(script);
            Shells.Printed ours = Shells.ours(script);
            assertThat(omshell.out()).contains("name = \"fixed-one\"\nip-address = c0:a8:64:0a\n");
            assertThat(ours.out()).isEqualTo(omshell.out());
            assertThat(ours.err()).isEqualTo(omshell.err());
            String md5 = script.replace("key-algorithm hmac-sha256\n", "");
            assertThat(Shells.ours(md5).err()).isEqualTo(Shells.omshell(md5).err()).isEqualTo("dhcpctl_connect: not found\n");

            Path file = dir.resolve("sha.key");
            Files.writeString(file, "key sha_key { algorithm hmac-sha256; secret \"" + key.secretBase64() + "\"; };\n");
            OneShot lease = OneShot.run("lease", "--ip", "192.168.100.100", "--port", Integer.toString(dhcpd.port()),
                    "--key-file", file.toString());
            assertThat(lease.exitCode()).as(lease.err()).isZero();
            Path bare = dir.resolve("bare.secret");
            Files.writeString(bare, key.secretBase64() + "\n");
            OneShot host = OneShot.run("host", "show", "--name", "fixed-one", "--port", Integer.toString(dhcpd.port()),
                    "--key-file", bare.toString(), "--key-name", "sha_key", "--key-algorithm", "hmac-sha256");
            assertThat(host.exitCode()).as(host.err()).isZero();
            OneShot asMd5 = OneShot.run("host", "show", "--name", "fixed-one", "--port", Integer.toString(dhcpd.port()),
                    "--key-file", bare.toString(), "--key-name", "sha_key");
            assertThat(asMd5.exitCode()).isEqualTo(4);
        }
    }
}
