package io.ironlease.shared.config;

import io.ironlease.shared.config.ast.Statement;
import io.ironlease.shared.config.model.KeyConfig;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import java.util.Optional;

/** Checks a {@code key} stanza's algorithm and base64 secret, at their own positions. */
final class KeyBuilder {

    private KeyBuilder() {
    }

    static KeyConfig build(Statement.Key key, ParseState state) {
        String label = "key \"" + key.name() + "\"";
        Optional<KeyAlgorithm> algorithm = Optional.empty();
        if (!key.algorithm().isEmpty()) {
            algorithm = KeyAlgorithm.fromName(key.algorithm());
            if (algorithm.isEmpty()) {
                state.error(key.algorithmPos(), label + ": unknown algorithm \"" + key.algorithm()
                        + "\"; known algorithms: " + KeyAlgorithm.knownNames());
            }
        }
        Optional<OmapiKey> omapiKey = Optional.empty();
        if (!key.secret().isEmpty()) {
            try {
                byte[] secret = OmapiKey.decodeSecret(key.secret());
                omapiKey = algorithm.map(a -> new OmapiKey(key.name(), a, secret));
            } catch (OmapiKey.InvalidSecretException e) {
                state.error(key.secretPos(), label + ": secret is not base64; generate one with: ironlease-keygen "
                        + key.name() + " (or: openssl rand -base64 16)");
            }
        }
        return new KeyConfig(key.name(), key.pos(), key.algorithm(), algorithm, omapiKey);
    }
}
