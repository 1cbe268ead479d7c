package io.ironlease.omapi.server;

import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * One OMAPI object type ({@code lease}, {@code host}, {@code group}, {@code control},
 * {@code failover-state}) served by {@link OmapiServer}. The server runs ISC's request algorithm
 * (which flags lead to lookup, create, update; which status and message each failure gives) and calls
 * these methods for the type-specific steps, so a provider never builds a reply itself.
 *
 * <p>Threading: every call for this provider runs on {@link #executor()} (for the server module, its
 * lease-engine thread), never on a network thread, so calls may take their time. The server submits a
 * connection's requests in arrival order, so on a single-threaded executor they run in that order; the
 * replies always go out in request order, however many are in flight.
 *
 * <p>Objects: {@code T} identifies an object, and equal values must mean the same object (e.g. a
 * record holding a lease's address). The server gives each object a handle on first sight and keeps
 * it for the life of the server, for every connection (OMAPI-NOTES section 2).
 *
 * <p>Errors: throw {@link OmapiException} with the status dhcpd gives (e.g. {@link OmapiStatus#EXISTS}
 * when a host name is taken). Without a message of its own the reply carries ISC's text for the step:
 * "object lookup failed", "can't update object" (create and update), none for delete. A typed read
 * of a badly typed value ({@link io.ironlease.omapi.wire.OmapiValueException}) becomes
 * {@link OmapiStatus#INVALID_ARGUMENT}, as in dhcpd; any other exception becomes
 * {@link OmapiStatus#UNEXPECTED} and is logged as {@code OMAPI_PROVIDER_ERROR}.
 *
 * @param <T> the provider's reference to one object
 */
public interface ObjectProvider<T> {

    /** The type name clients put in an OPEN's {@code type} value. */
    String type();

    /** Where this provider's calls run; empty means the server's own provider thread. */
    default Optional<Executor> executor() {
        return Optional.empty();
    }

    /**
     * Finds the object the OPEN's object values name. Unknown names among the values are ignored, as
     * dhcpd does. Empty when nothing matches (status 23); throw {@code OmapiException(NO_KEYS)} when
     * the values hold no usable lookup key (dhcpd then answers 27 "can't create new object").
     */
    Optional<T> lookup(OmapiValues keys) throws OmapiException;

    /**
     * Makes a new object from all the values of an OPEN with {@code create} when the lookup found
     * nothing (dhcpd creates, then applies the values as an update). The default refuses, with 27
     * "can't create new object", as dhcpd does for leases.
     */
    default T create(OmapiValues values) throws OmapiException {
        throw new OmapiException(OmapiStatus.NOT_IMPLEMENTED, IscMessages.CANT_CREATE);
    }

    /** Applies the values of an UPDATE, or of an OPEN with {@code update} (or {@code create}) that found the object. */
    default void update(T object, OmapiValues values) throws OmapiException {
        throw new OmapiException(OmapiStatus.NOT_IMPLEMENTED, IscMessages.CANT_UPDATE);
    }

    /** Deletes the object (DELETE). The default refuses with 27 "no remove method for object". */
    default void remove(T object) throws OmapiException {
        throw new OmapiException(OmapiStatus.NOT_IMPLEMENTED, IscMessages.NO_REMOVE_METHOD);
    }

    /**
     * The object's attributes as dhcpd sends them: its attribute order, only the attributes that have a
     * value. Attributes that are handles of other objects (a lease's {@code subnet}, {@code pool}) come
     * from {@code handles}. Throw {@code OmapiException(NOT_FOUND)} if the object no longer exists.
     */
    OmapiValues render(T object, HandleRegistry handles) throws OmapiException;

    /**
     * Completes when every change this provider has made so far is durable (e.g. its lease-file
     * records are fsynced); the reply to a create, update or delete waits for it. Called on
     * {@link #executor()} right after the change. The default: already durable.
     */
    default CompletionStage<Void> whenDurable() {
        return CompletableFuture.completedFuture(null);
    }
}
