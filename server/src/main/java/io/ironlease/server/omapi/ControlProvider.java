package io.ironlease.server.omapi;

import io.ironlease.omapi.server.HandleRegistry;
import io.ironlease.omapi.server.ObjectProvider;
import io.ironlease.omapi.wire.OmapiException;
import io.ironlease.omapi.wire.OmapiStatus;
import io.ironlease.omapi.wire.OmapiValues;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OMAPI {@code control} object: OPEN (with any keys or none) returns {@code state} 0, as dhcpd;
 * UPDATE {@code state = 2} shuts the server down cleanly: the reply (result 0) goes out once the
 * lease file is durable, then the shutdown action runs, which stops the listeners, drains the lease
 * journal and ends the process as SIGTERM does. dhcpd sends no reply and drops the connection about
 * 11 s later (omshell prints "connection reset by peer", OMAPI-NOTES section 8); we answer first.
 * Any other state is 0x60003, as in dhcpd; any other attribute 0x60020.
 */
public final class ControlProvider implements ObjectProvider<ControlProvider.Control> {

    private static final Logger LOG = LoggerFactory.getLogger(ControlProvider.class);

    public static final String TYPE = "control";
    /** dhcpd's server_shutdown control state. */
    public static final int SHUTDOWN = 2;

    /** The one control object of a server. */
    public enum Control { SERVER }

    private final Executor executor;
    private final Supplier<CompletionStage<Void>> durable;
    private final Runnable shutdown;
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private boolean requested;

    /**
     * @param executor where calls run (the lease-engine thread)
     * @param durable  when the lease file holds everything changed so far
     * @param shutdown stops the server; runs once, on its own thread, after the reply was handed over
     */
    public ControlProvider(Executor executor, Supplier<CompletionStage<Void>> durable, Runnable shutdown) {
        this.executor = executor;
        this.durable = durable;
        this.shutdown = shutdown;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.of(executor);
    }

    @Override
    public Optional<Control> lookup(OmapiValues keys) {
        return Optional.of(Control.SERVER);
    }

    @Override
    public void update(Control control, OmapiValues values) throws OmapiException {
        boolean stop = false;
        for (OmapiValues.Entry entry : values) {
            if (!entry.name().equals("state")) {
                throw new OmapiException(OmapiStatus.UNKNOWN_ATTRIBUTE);
            }
            if (LeaseAttributes.readInt32(entry.value()) != SHUTDOWN) {
                throw new OmapiException(OmapiStatus.INVALID_ARGUMENT);
            }
            stop = true;
        }
        requested = stop;
    }

    @Override
    public OmapiValues render(Control control, HandleRegistry handles) {
        return OmapiValues.builder().putInt32("state", 0).build();
    }

    @Override
    public CompletionStage<Void> whenDurable() {
        CompletionStage<Void> onDisk = durable.get();
        if (!requested) {
            return onDisk;
        }
        requested = false;
        if (!shuttingDown.compareAndSet(false, true)) {
            return onDisk;
        }
        LOG.info("OMAPI_SHUTDOWN requested through the control object (state 2)");
        CompletableFuture<Void> answered = new CompletableFuture<>();
        Thread stopper = new Thread(() -> {
            try {
                onDisk.toCompletableFuture().get(30, TimeUnit.SECONDS);
                // one turn of the engine thread: the request's task has finished and handed its reply on
                CompletableFuture<Void> turn = new CompletableFuture<>();
                executor.execute(() -> turn.complete(null));
                turn.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("OMAPI_SHUTDOWN the lease file did not confirm before shutdown: {}", e.toString());
            }
            // completing runs the reply's hand-off to its connection on this thread, so the reply is
            // queued on the connection before the shutdown closes it
            answered.complete(null);
            shutdown.run();
        }, "ironlease-omapi-shutdown");
        stopper.start();
        return answered;
    }
}
