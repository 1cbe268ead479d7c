package io.ironlease.shell.keygen;

import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ironlease-keygen NAME}: a fresh OMAPI key as a dhcpd.conf {@code key} stanza, what ISC users
 * made with omapi-keygen or tsig-keygen (Debian ships neither for dhcpd).
 */
@Command(name = "ironlease-keygen", mixinStandardHelpOptions = true, version = "ironlease-keygen 0.1",
        description = "Generate an OMAPI key and print it as a dhcpd.conf key stanza.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:key generated", "1:the key file could not be written", "2:bad arguments"})
public final class KeygenMain implements Callable<Integer> {

    static final int EXIT_WRITE_FAILED = 1;

    @Parameters(index = "0", paramLabel = "NAME", description = "Key name, as used by omapi-key and omshell's key command.")
    String name;

    @Option(names = {"-a", "--algorithm"}, defaultValue = "hmac-md5", paramLabel = "ALG",
            description = "hmac-md5 (default, what ISC dhcpd and omshell speak), hmac-sha256 or hmac-sha512.")
    String algorithmName;

    @Option(names = {"-b", "--bits"}, defaultValue = "0", paramLabel = "BITS",
            description = "Secret length in bits, a multiple of 8 (default: the algorithm's digest size).")
    int bits;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Also write the stanza to FILE, created with mode 0600; an existing file is kept.")
    Path output;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final SecureRandom random;

    public KeygenMain() {
        this(new SecureRandom());
    }

    KeygenMain(SecureRandom random) {
        this.random = random;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new KeygenMain()).execute(args));
    }

    @Override
    public Integer call() {
        KeyAlgorithm algorithm = KeyAlgorithm.fromName(algorithmName).orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(),
                        "unknown algorithm \"" + algorithmName + "\"; expected one of: " + KeyAlgorithm.knownNames()));
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "key name \"" + name + "\" must be letters, digits, '_', '.' or '-'");
        }
        int length = bits == 0 ? algorithm.signatureLength() : bits / 8;
        if (bits < 0 || bits % 8 != 0 || (bits != 0 && (length < 8 || length > 64))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bits must be a multiple of 8 from 64 to 512");
        }
        byte[] secret = new byte[length];
        random.nextBytes(secret);
        String stanza = stanza(new OmapiKey(name, algorithm, secret));
        PrintWriter out = spec.commandLine().getOut();
        out.print(stanza);
        out.flush();
        if (output != null) {
            try {
                writePrivately(output, stanza);
            } catch (IOException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("ironlease-keygen: cannot write " + output + ": "
                        + (e instanceof FileAlreadyExistsException ? "file exists (not overwritten)" : e.getMessage()));
                err.flush();
                return EXIT_WRITE_FAILED;
            }
        }
        return 0;
    }

    /** The stanza exactly as dhcpd.conf takes it; omshell's {@code key NAME SECRET} takes the same secret. */
    static String stanza(OmapiKey key) {
        return "key " + key.name() + " {\n"
                + "  algorithm " + key.algorithm().configName() + ";\n"
                + "  secret \"" + key.secretBase64() + "\";\n"
                + "};\n";
    }

    private static void writePrivately(Path file, String content) throws IOException {
        // Created 0600 from the start so the secret is never readable by others, not even briefly.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
