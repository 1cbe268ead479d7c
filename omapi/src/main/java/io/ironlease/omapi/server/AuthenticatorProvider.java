package io.ironlease.omapi.server;

import io.ironlease.omapi.auth.Authenticator;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.shared.keys.KeyAlgorithm;
import io.ironlease.shared.keys.OmapiKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The {@code authenticator} object type: the server's keys. An OPEN names a key by {@code name} and
 * {@code algorithm}; both must match or the answer is 23 "no object matches specification"
 * (OMAPI-NOTES section 5). Runs on the network thread, in line, because the connection's
 * authentication state must change before its next message is read.
 */
final class AuthenticatorProvider implements ObjectProvider<OmapiKey> {

    private static final Executor IN_LINE = Runnable::run;

    private final Map<String, OmapiKey> keys = new LinkedHashMap<>();

    AuthenticatorProvider(List<OmapiKey> keys) {
        for (OmapiKey key : keys) {
            if (this.keys.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException("two keys named " + key.name());
            }
        }
    }

    List<OmapiKey> keys() {
        return List.copyOf(keys.values());
    }

    @Override
    public String type() {
        return Authenticator.TYPE;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.of(IN_LINE);
    }

    @Override
    public Optional<OmapiKey> lookup(OmapiValues values) {
        Optional<String> name = values.string("name");
        Optional<String> algorithm = values.string("algorithm");
        if (name.isEmpty() || algorithm.isEmpty()) {
            return Optional.empty();
        }
        OmapiKey key = keys.get(name.get());
        Optional<KeyAlgorithm> wanted = Authenticator.algorithmFromWire(algorithm.get());
        return key != null && wanted.isPresent() && wanted.get() == key.algorithm() ? Optional.of(key) : Optional.empty();
    }

    /** dhcpd answers result 0 with this message: the key is neither changed nor selected. */
    @Override
    public void update(OmapiKey key, OmapiValues values) throws OmapiException {
        throw new OmapiException(OmapiStatus.SUCCESS, IscMessages.CANNOT_UPDATE_AUTHENTICATOR);
    }

    @Override
    public OmapiValues render(OmapiKey key, HandleRegistry handles) {
        return Authenticator.attributes(key);
    }
}
