package io.ironlease.shared.config.model;

import io.ironlease.shared.config.SourcePos;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import java.util.Optional;

/**
 * A {@code key NAME { algorithm A; secret S; }} stanza. {@link #key()} is present when both the
 * algorithm and the secret are usable; a lenient load keeps the stanza even when they are not
 * (dhcpd-pools reads configs whose secret is a placeholder). The secret never appears in toString.
 */
public record KeyConfig(String name, SourcePos pos, String algorithmName, Optional<KeyAlgorithm> algorithm,
        Optional<OmapiKey> key) {
}
