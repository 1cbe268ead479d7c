package io.ironlease.shell.cli;

import io.ironlease.omapi.auth.Authenticator;
import io.ironlease.omapi.client.OmapiClient;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where and how the one-shot commands connect: server, port, key and timeout. The secret is never a
 * command-line argument (it would show in the process list): it comes from a key file or from an
 * environment variable.
 */
public final class ServerOptions {

    @Option(names = {"-s", "--server"}, paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "OMAPI server (default: ${DEFAULT-VALUE}).")
    String server;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "7911",
            description = "OMAPI port, dhcpd's omapi-port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--key-name", paramLabel = "NAME",
            description = "Key name, as in dhcpd.conf's omapi-key (default: the key file's only key).")
    String keyName;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "A dhcpd.conf key stanza (what ironlease-keygen -o writes; several allowed, pick one "
                    + "with --key-name) or a file holding just the base64 secret.")
    Path keyFile;

    @Option(names = "--key-env", paramLabel = "VAR",
            description = "Read the base64 secret from environment variable VAR (needs --key-name).")
    String keyEnv;

    @Option(names = "--key-algorithm", paramLabel = "ALG",
            description = "hmac-md5 (ISC's default), hmac-sha256 or hmac-sha512 (default: the key file's, else hmac-md5).")
    String keyAlgorithm;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Connect and reply timeout in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** Where the environment comes from (tests replace it). */
    Map<String, String> environment = System.getenv();

    /** {@code host:port}, for messages. */
    String where() {
        return server + ":" + port;
    }

    /** The key the options name, or null for an unauthenticated connection. */
    OmapiKey key() {
        KeyAlgorithm algorithm = null;
        if (keyAlgorithm != null) {
            algorithm = KeyAlgorithm.fromName(keyAlgorithm).orElseThrow(() -> usage("unknown --key-algorithm \""
                    + keyAlgorithm + "\"; expected one of: " + KeyAlgorithm.knownNames()));
        }
        if (keyFile != null && keyEnv != null) {
            throw usage("give --key-file or --key-env, not both");
        }
        try {
            if (keyFile != null) {
                String text;
                try {
                    text = Files.readString(keyFile, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw usage("cannot read --key-file " + keyFile + ": " + e.getMessage());
                }
                return KeyFile.parse(text, keyFile.toString()).select(keyName, algorithm, keyFile.toString());
            }
            if (keyEnv != null) {
                String secret = environment.get(keyEnv);
                if (secret == null || secret.isBlank()) {
                    throw usage("environment variable " + keyEnv + " (--key-env) is not set");
                }
                if (keyName == null) {
                    throw usage("--key-env needs --key-name");
                }
                return OmapiKey.fromBase64(keyName, algorithm != null ? algorithm : KeyAlgorithm.HMAC_MD5, secret);
            }
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (keyName != null) {
            throw usage("--key-name needs --key-file or --key-env for the secret");
        }
        return null;
    }

    /** Connects (and authenticates); failures become {@link CommandFailure}s with the documented exit codes. */
    OmapiClient connect() {
        OmapiKey key = key();
        if (port < 1 || port > 65535) {
            throw usage("--port must be 1-65535, not " + port);
        }
        if (timeoutSeconds < 1) {
            throw usage("--timeout must be at least 1 second");
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        OmapiClient.Builder builder = OmapiClient.builder().connectTimeout(timeout).requestTimeout(timeout);
        if (key != null) {
            builder.key(key).algorithmName(Authenticator.iscAlgorithmName(key.algorithm().configName()));
        }
        try {
            return builder.connect(server, port);
        } catch (OmapiException e) {
            throw Failures.connecting(where(), e);
        }
    }

    static CommandFailure usage(String message) {
        return new CommandFailure(ExitCodes.USAGE, message);
    }
}
