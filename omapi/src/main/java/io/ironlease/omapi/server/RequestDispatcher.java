package io.ironlease.omapi.server;

import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiMessage;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValueException;
import io.ironlease.omapi.wire.OmapiValues;
import io.ironlease.omapi.wire.Opcode;
import io.ironlease.shared.keys.OmapiKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ISC's message-processing algorithm (omapi message processing in dhcpd 4.4.3, as observed in
 * OMAPI-NOTES sections 3, 5, 6 and 7), independent of sockets: which request leads to which provider
 * calls, and which status and message each outcome gives. Replies come back unsigned, with {@code rid}
 * set and no id; the connection handler numbers and signs them.
 */
final class RequestDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    /** The connection a request came in on. */
    interface Session {
        /** Told when an authenticator OPEN succeeds. */
        void authenticated(int handle, OmapiKey key);

        /** Where to submit a call for a provider executor (the connection batches them). */
        default Executor submitTo(Executor providerExecutor) {
            return providerExecutor;
        }
    }

    private final Map<String, ObjectProvider<?>> providers;
    private final HandleRegistry handles;
    private final Executor defaultExecutor;
    private final boolean authRequired;

    RequestDispatcher(Map<String, ObjectProvider<?>> providers, HandleRegistry handles, Executor defaultExecutor,
            boolean authRequired) {
        this.providers = Map.copyOf(providers);
        this.handles = handles;
        this.defaultExecutor = defaultExecutor;
        this.authRequired = authRequired;
    }

    /** Processes one request (not a STATUS, rid 0); {@code signed} says it carried a verified signature. */
    CompletableFuture<OmapiMessage> dispatch(OmapiMessage request, boolean signed, Session session) {
        if (authRequired && !signed && request.op() != Opcode.OPEN) {
            return done(status(request, OmapiStatus.NO_KEYS, IscMessages.NO_AUTHENTICATOR));
        }
        return switch (request.op()) {
            case OPEN -> open(request, signed, session);
            case REFRESH -> byHandle(request, ProviderCall.REFRESH, session);
            case UPDATE -> byHandle(request, ProviderCall.UPDATE, session);
            case DELETE -> byHandle(request, ProviderCall.DELETE, session);
            case NOTIFY -> done(status(request, OmapiStatus.NOT_IMPLEMENTED, IscMessages.NOTIFY_NOT_IMPLEMENTED));
            case STATUS -> throw new IllegalArgumentException("STATUS is not a request");
        };
    }

    /**
     * Whether the request names a handle nobody has yet: an earlier request on the connection, still
     * running, may be the one that creates it, so the connection runs this one after those.
     */
    boolean waitsForUnknownHandle(OmapiMessage request) {
        boolean byHandle = switch (request.op()) {
            case REFRESH, UPDATE, DELETE -> true;
            case OPEN -> {
                Optional<String> type;
                try {
                    type = request.message().string("type");
                } catch (OmapiValueException e) {
                    type = Optional.empty();
                }
                yield type.map(t -> !providers.containsKey(t)).orElse(true);
            }
            default -> false;
        };
        return byHandle && request.handle() != 0 && handles.lookup(request.handle()).isEmpty();
    }

    private enum ProviderCall { REFRESH, UPDATE, DELETE }

    private record Flags(boolean create, boolean update, boolean exclusive) {
    }

    private CompletableFuture<OmapiMessage> open(OmapiMessage request, boolean signed, Session session) {
        String type;
        try {
            type = request.message().string("type").orElse(null);
        } catch (OmapiValueException e) {
            type = null;
        }
        ObjectProvider<?> provider = type == null ? null : providers.get(type);
        if (authRequired && !signed && !(provider instanceof AuthenticatorProvider)) {
            return done(status(request, OmapiStatus.NO_KEYS, IscMessages.NO_AUTHENTICATOR));
        }
        // dhcpd reads the flags in this order and names the first bad one
        String[] names = {"create", "update", "exclusive"};
        String[] complaints = {IscMessages.INVALID_CREATE_FLAG, IscMessages.INVALID_UPDATE_FLAG,
            IscMessages.INVALID_EXCLUSIVE_FLAG};
        boolean[] set = new boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            try {
                set[i] = request.message().int32(names[i]).orElse(0) != 0;
            } catch (OmapiValueException e) {
                return done(status(request, OmapiStatus.INVALID_ARGUMENT, complaints[i]));
            }
        }
        Flags flags = new Flags(set[0], set[1], set[2]);
        if (provider == null) {
            // dhcpd: no known type means "refresh by handle", unless asked to create
            return flags.create()
                    ? done(status(request, OmapiStatus.INVALID_ARGUMENT, IscMessages.TYPE_REQUIRED))
                    : byHandle(request, ProviderCall.REFRESH, session);
        }
        return run(provider, request, session, () -> openWith(provider, request, flags, session));
    }

    private <T> CompletionStage<OmapiMessage> openWith(ObjectProvider<T> provider, OmapiMessage request, Flags flags,
            Session session) {
        OmapiValues values = request.object();
        Optional<T> found;
        boolean noKeys = false;
        try {
            found = provider.lookup(values);
        } catch (OmapiException e) {
            if (e.status().equals(OmapiStatus.NO_KEYS)) {
                noKeys = true;
            } else if (!e.status().equals(OmapiStatus.NOT_FOUND)) {
                return failed(request, e, IscMessages.LOOKUP_FAILED);
            }
            found = Optional.empty();
        } catch (RuntimeException e) {
            return failed(request, provider, e, IscMessages.LOOKUP_FAILED);
        }
        if (found.isEmpty() && !noKeys && !flags.create()) {
            return done(status(request, OmapiStatus.NOT_FOUND, IscMessages.NO_MATCH));
        }
        if (found.isPresent() && flags.create() && flags.exclusive()) {
            return done(status(request, OmapiStatus.EXISTS, IscMessages.ALREADY_EXISTS));
        }
        T object;
        boolean changed = false;
        try {
            if (found.isEmpty()) {
                if (!flags.create()) {
                    return done(status(request, OmapiStatus.NOT_IMPLEMENTED, IscMessages.CANT_CREATE));
                }
                object = provider.create(values);
                changed = true;
            } else {
                object = found.get();
                if (flags.create() || flags.update()) {
                    if (provider instanceof AuthenticatorProvider) {
                        return done(status(request, OmapiStatus.SUCCESS, IscMessages.CANT_UPDATE));
                    }
                    provider.update(object, values);
                    changed = true;
                }
            }
        } catch (OmapiException e) {
            return failed(request, e, IscMessages.CANT_UPDATE);
        } catch (RuntimeException e) {
            return failed(request, provider, e, IscMessages.CANT_UPDATE);
        }
        int handle = handles.handleFor(provider.type(), object);
        if (provider instanceof AuthenticatorProvider && object instanceof OmapiKey key) {
            session.authenticated(handle, key);
        }
        return reply(provider, request, handle, object, changed);
    }

    private CompletableFuture<OmapiMessage> byHandle(OmapiMessage request, ProviderCall call, Session session) {
        Optional<HandleRegistry.Entry> entry = handles.lookup(request.handle());
        ObjectProvider<?> provider = entry.map(e -> providers.get(e.type())).orElse(null);
        if (provider == null) {
            return done(status(request, OmapiStatus.NOT_FOUND, IscMessages.NO_HANDLE));
        }
        if (call == ProviderCall.UPDATE && provider instanceof AuthenticatorProvider) {
            return done(status(request, OmapiStatus.SUCCESS, IscMessages.CANNOT_UPDATE_AUTHENTICATOR));
        }
        return run(provider, request, session, () -> onHandle(provider, request, call));
    }

    @SuppressWarnings("unchecked")
    private <T> CompletionStage<OmapiMessage> onHandle(ObjectProvider<T> provider, OmapiMessage request,
            ProviderCall call) {
        Optional<HandleRegistry.Entry> entry = handles.lookup(request.handle());
        if (entry.isEmpty()) {
            return done(status(request, OmapiStatus.NOT_FOUND, IscMessages.NO_HANDLE));
        }
        T object = (T) entry.get().object();
        try {
            switch (call) {
                case REFRESH -> {
                    return reply(provider, request, request.handle(), object, false);
                }
                case UPDATE -> provider.update(object, request.object());
                case DELETE -> {
                    provider.remove(object);
                    handles.release(request.handle());
                }
                default -> throw new IllegalStateException(call.name());
            }
        } catch (OmapiException e) {
            return failed(request, e, call == ProviderCall.UPDATE ? IscMessages.CANT_UPDATE : null);
        } catch (RuntimeException e) {
            return failed(request, provider, e, call == ProviderCall.UPDATE ? IscMessages.CANT_UPDATE : null);
        }
        OmapiMessage success = status(request, OmapiStatus.SUCCESS, null);
        return provider.whenDurable().thenApply(ignored -> success);
    }

    private <T> CompletionStage<OmapiMessage> reply(ObjectProvider<T> provider, OmapiMessage request, int handle,
            T object, boolean changed) {
        OmapiValues attributes;
        try {
            attributes = provider.render(object, handles);
        } catch (OmapiException e) {
            String text = e.status().equals(OmapiStatus.NOT_FOUND) ? IscMessages.NO_HANDLE : null;
            return failed(request, e, text);
        } catch (RuntimeException e) {
            return failed(request, provider, e, null);
        }
        OmapiMessage update = OmapiMessage.of(Opcode.UPDATE, handle, OmapiValues.EMPTY, attributes).withRid(request.id());
        return changed ? provider.whenDurable().thenApply(ignored -> update) : done(update);
    }

    private CompletableFuture<OmapiMessage> run(ObjectProvider<?> provider, OmapiMessage request, Session session,
            Supplier<CompletionStage<OmapiMessage>> call) {
        Executor executor = provider.executor().orElse(defaultExecutor);
        if (!(provider instanceof AuthenticatorProvider)) {
            executor = session.submitTo(executor);
        }
        CompletableFuture<CompletionStage<OmapiMessage>> started = new CompletableFuture<>();
        ConnectionBatch.Task task = new ConnectionBatch.Task() {
            @Override
            public void run() {
                try {
                    started.complete(call.get());
                } catch (Throwable e) {
                    started.completeExceptionally(e);
                }
            }

            @Override
            public void reject(RejectedExecutionException why) {
                started.complete(done(status(request, OmapiStatus.SHUTTING_DOWN, null)));
            }
        };
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.reject(e);
        }
        return started.thenCompose(stage -> stage).exceptionally(e -> {
            LOG.error("OMAPI_PROVIDER_ERROR type={} op={}: {}", provider.type(), request.op(), e.toString(), e);
            return status(request, OmapiStatus.UNEXPECTED, null);
        });
    }

    private static CompletableFuture<OmapiMessage> failed(OmapiMessage request, OmapiException e, String defaultText) {
        return done(status(request, e.status(), e.serverMessage().orElse(defaultText)));
    }

    private static CompletableFuture<OmapiMessage> failed(OmapiMessage request, ObjectProvider<?> provider,
            RuntimeException e, String text) {
        if (e instanceof OmapiValueException) {
            return done(status(request, OmapiStatus.INVALID_ARGUMENT, text));
        }
        LOG.error("OMAPI_PROVIDER_ERROR type={} op={}: {}", provider.type(), request.op(), e.toString(), e);
        return done(status(request, OmapiStatus.UNEXPECTED, text));
    }

    /** A STATUS reply: {@code result}, then {@code message} when there is one; handle 0 (OMAPI-NOTES section 2). */
    static OmapiMessage status(OmapiMessage request, OmapiStatus result, String text) {
        OmapiValues.Builder values = OmapiValues.builder().putInt32("result", result.code());
        if (text != null) {
            values.putString("message", text);
        }
        return OmapiMessage.of(Opcode.STATUS, 0, values.build(), OmapiValues.EMPTY).withRid(request.id());
    }

    private static <V> CompletableFuture<V> done(V value) {
        return CompletableFuture.completedFuture(value);
    }
}
