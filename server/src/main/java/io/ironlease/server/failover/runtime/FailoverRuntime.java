package io.ironlease.server.failover.runtime;

import io.ironlease.server.failover.FailoverAction;
import io.ironlease.server.failover.FailoverEvent;
import io.ironlease.server.failover.FailoverSettings;
import io.ironlease.server.failover.FailoverStateMachine;
import io.ironlease.server.failover.FailoverStatus;
import io.ironlease.server.failover.LeaseBinding;
import io.ironlease.server.failover.PersistedFailoverState;
import io.ironlease.server.failover.link.PeerLink;
import io.ironlease.server.failover.wire.RejectReason;
import io.ironlease.shared.leases.FailoverState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One failover relationship at run time: a {@link FailoverStateMachine} driven on the lease-engine
 * thread, its timers on that thread's scheduler, its connections through a {@link PeerLink}, and the
 * engine's part through {@link FailoverEngineHooks}. Every action is applied in the order the machine
 * produced it; messages that follow a {@code PersistState} leave only once the state is on disk.
 *
 * <p>Threads: {@code engine} must run one task at a time (a single-threaded
 * {@link java.util.concurrent.ScheduledThreadPoolExecutor}, shared with the lease engine). The public
 * methods may be called from any thread; they queue their work on {@code engine}. {@link #status()}
 * reads a snapshot and never waits.
 */
public final class FailoverRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FailoverRuntime.class);

    private final FailoverSettings settings;
    private final PeerLink link;
    private final FailoverEngineHooks hooks;
    private final ScheduledExecutorService engine;
    private final Clock clock;
    private final FailoverStateMachine machine;
    private final TimerScheduler timers;
    private final OutboundGate gate;
    private volatile FailoverStatus status;
    private volatile FailoverState myState = FailoverState.UNKNOWN;
    private volatile boolean closed;
    private boolean started;

    /** A runtime over a link already bound (see {@link #open} to bind it from the settings). */
    public FailoverRuntime(FailoverSettings settings, PeerLink link, FailoverEngineHooks hooks,
            ScheduledExecutorService engine, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.link = Objects.requireNonNull(link, "link");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.machine = new FailoverStateMachine(settings);
        this.timers = new TimerScheduler(engine, clock, this::handle);
        this.gate = new OutboundGate(engine, link::flush, this::outboundFailed);
        this.status = machine.status();
    }

    /** Binds the listener on the settings' local address and port, then builds the runtime. */
    public static FailoverRuntime open(FailoverSettings settings, FailoverEngineHooks hooks,
            ScheduledExecutorService engine, Clock clock) throws IOException {
        PeerLink link = PeerLink.bind(new InetSocketAddress(settings.localAddress().toInetAddress(),
                settings.localPort()));
        return new FailoverRuntime(settings, link, hooks, engine, clock);
    }

    /**
     * Starts the relationship from the state read from dhcpd.leases (empty for a new file, see
     * {@link FailoverMapping#persisted}): STARTUP, listening, connecting to the partner.
     */
    public CompletableFuture<FailoverStatus> start(Optional<PersistedFailoverState> persisted) {
        return call(() -> {
            if (started) {
                throw new IllegalStateException("failover peer " + settings.peerName() + " already started");
            }
            started = true;
            link.start(new InetSocketAddress(settings.peerAddress().toInetAddress(), settings.peerPort()), engine,
                    this::handle);
            handle(new FailoverEvent.Started(persisted));
            return status;
        });
    }

    /** The relationship now, for the engine and OMAPI {@code failover-state}; any thread, never blocks. */
    public FailoverStatus status() {
        return status;
    }

    /** My state as it really is, STARTUP included ({@link #status()} reports the state STARTUP returns to). */
    public FailoverState myState() {
        return myState;
    }

    public FailoverSettings settings() {
        return settings;
    }

    /**
     * The engine committed a change to a binding of this relationship; {@code immediate} sends it now
     * (within the partner's window), otherwise with the next flush. Only after {@link #start}.
     */
    public void leaseChanged(LeaseBinding binding, boolean immediate) {
        submit(new FailoverEvent.LeaseChanged(binding, immediate));
    }

    /** Same as {@code leaseChanged(binding, true)}: ISC sends every change at once. */
    public void leaseChanged(LeaseBinding binding) {
        leaseChanged(binding, true);
    }

    /**
     * Several committed changes at once, then sent (within the partner's window): what the engine
     * reports after a group commit. One task on the engine thread and one flush for the whole list.
     */
    public void leasesChanged(List<LeaseBinding> bindings) {
        if (bindings.isEmpty()) {
            return;
        }
        List<LeaseBinding> copy = List.copyOf(bindings);
        execute(() -> {
            for (LeaseBinding binding : copy) {
                handle(new FailoverEvent.LeaseChanged(binding, false), false);
            }
            handle(new FailoverEvent.SendPendingUpdates());
        });
    }

    /** Sends the lazy updates queued so far (after a group commit, say). */
    public void sendPendingUpdates() {
        submit(new FailoverEvent.SendPendingUpdates());
    }

    /** The engine's rebalance timer found this server short of addresses: POOLREQ. */
    public void requestPool() {
        submit(new FailoverEvent.RequestPool());
    }

    /**
     * OMAPI {@code failover-state}: {@code set local-state = N}, e.g. PARTNER_DOWN (4). Completes with
     * the status after the change; STARTUP and UNKNOWN are refused (logged) and leave it unchanged.
     */
    public CompletableFuture<FailoverStatus> adminSetState(FailoverState state) {
        Objects.requireNonNull(state, "state");
        return call(() -> {
            handle(new FailoverEvent.AdminSetState(state));
            return status;
        });
    }

    /** Fires the timers the clock has reached (after an injected clock was moved forward). */
    public void tick() {
        execute(timers::tick);
    }

    /**
     * Messages, closes and pending state records held until a state record is on disk (any thread;
     * a gauge for monitoring and tests). Zero when the disk keeps up.
     */
    public int waitingForDisk() {
        return gate.waiting();
    }

    /** The peer link, for operational commands and tests (cut the connection). */
    public PeerLink link() {
        return link;
    }

    /** Stops without telling the partner (as a process exit would): closes the link, drops the timers. */
    @Override
    public void close() {
        closed = true;
        link.close();
        execute(timers::cancelAll);
    }

    private void submit(FailoverEvent event) {
        execute(() -> handle(event));
    }

    private void execute(Runnable task) {
        try {
            engine.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("FAILOVER_RUNTIME_STOPPED peer={} task dropped", settings.peerName());
        }
    }

    private <T> CompletableFuture<T> call(Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            engine.execute(() -> {
                try {
                    result.complete(task.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** One event through the machine, its actions applied in order. Engine thread. */
    private void handle(FailoverEvent event) {
        handle(event, true);
    }

    /** As {@link #handle(FailoverEvent)}; {@code pump} false leaves what the event queued for the next one. */
    private void handle(FailoverEvent event, boolean pump) {
        if (closed) {
            return;
        }
        if (!started && !(event instanceof FailoverEvent.Started)) {
            LOG.warn("FAILOVER_EVENT_BEFORE_START peer={} event={} dropped: call start() first", settings.peerName(),
                    event);
            return;
        }
        List<FailoverAction> actions;
        try {
            actions = machine.on(event, clock.instant());
        } catch (RuntimeException e) {
            LOG.error("FAILOVER_EVENT_FAILED peer={} event={}", settings.peerName(), event, e);
            return;
        }
        for (FailoverAction action : actions) {
            try {
                apply(action);
            } catch (RuntimeException e) {
                LOG.error("FAILOVER_ACTION_FAILED peer={} action={}", settings.peerName(), action, e);
            }
        }
        if (pump) {
            gate.pump();
        }
        status = machine.status();
        myState = machine.myState();
    }

    private void apply(FailoverAction action) {
        if (action instanceof FailoverAction.Send send) {
            gate.link(() -> link.send(send.link(), send.message()));
        } else if (action instanceof FailoverAction.CloseConnection close) {
            gate.link(() -> link.close(close.link(), close.reason()));
        } else if (action instanceof FailoverAction.OpenConnection) {
            link.connect();
        } else if (action instanceof FailoverAction.StartTimer start) {
            timers.start(start.kind(), start.link(), start.at());
        } else if (action instanceof FailoverAction.CancelTimer cancel) {
            timers.cancel(cancel.kind(), cancel.link());
        } else if (action instanceof FailoverAction.PersistState persist) {
            gate.barrier(stage(() -> hooks.persistState(persist.state())));
        } else if (action instanceof FailoverAction.StateChanged changed) {
            hooks.stateChanged(changed.from(), changed.to(), changed.reason());
        } else if (action instanceof FailoverAction.StatusChanged changed) {
            status = changed.status();
            hooks.statusChanged(changed.status());
        } else if (action instanceof FailoverAction.ProcessBindingUpdate request) {
            processBindingUpdate(request);
        } else if (action instanceof FailoverAction.CollectUpdates collect) {
            collectUpdates(collect);
        } else if (action instanceof FailoverAction.BindingUpdateSent sent) {
            hooks.bindingUpdateSent(sent.binding());
        } else if (action instanceof FailoverAction.UpdateAcknowledged acked) {
            hooks.updateAcknowledged(acked.sent(), acked.ack());
        } else if (action instanceof FailoverAction.BalancePool balance) {
            balancePool(balance.poolRequestXid());
        }
    }

    private void processBindingUpdate(FailoverAction.ProcessBindingUpdate request) {
        stage(() -> hooks.processBindingUpdate(request)).whenComplete((outcome, error) -> execute(() -> {
            BindingUpdateOutcome result = outcome;
            if (error != null || result == null) {
                LOG.error("FAILOVER_BNDUPD_NOT_STORED peer={} address={}", settings.peerName(),
                        request.update().assignedAddress().map(Object::toString).orElse("-"), error);
                result = BindingUpdateOutcome.rejected(RejectReason.MISC, "binding not stored: "
                        + (error == null ? "no outcome" : error.getMessage()));
            }
            handle(result.isStored() ? FailoverEvent.BindingUpdateProcessed.accepted(request.link(), request.update())
                    : FailoverEvent.BindingUpdateProcessed.rejected(request.link(), request.update(),
                            result.rejectReason().orElseThrow().code(), result.message().orElse("")));
        }));
    }

    private void collectUpdates(FailoverAction.CollectUpdates collect) {
        stage(() -> hooks.collectUpdates(collect.scope())).whenComplete((bindings, error) -> execute(() -> {
            if (error != null || bindings == null) {
                outboundFailed(error != null ? error : new IllegalStateException("no bindings collected"));
                return;
            }
            handle(new FailoverEvent.UpdatesCollected(collect.scope(), collect.answerXid(), bindings));
        }));
    }

    private void balancePool(OptionalLong poolRequestXid) {
        stage(() -> hooks.balancePool(poolRequestXid.isPresent())).whenComplete((given, error) -> execute(() -> {
            List<LeaseBinding> handedOver = given == null ? List.of() : given;
            if (error != null) {
                LOG.error("FAILOVER_BALANCE_FAILED peer={}", settings.peerName(), error);
            }
            for (LeaseBinding binding : handedOver) {
                handle(new FailoverEvent.LeaseChanged(binding, false));
            }
            handle(new FailoverEvent.PoolBalanced(poolRequestXid, handedOver.size()));
        }));
    }

    /** The durable or engine side failed: drop the connection; the partner resynchronises on reconnect. */
    private void outboundFailed(Throwable cause) {
        LOG.error("FAILOVER_ENGINE_FAILED peer={} dropping the connection: {}", settings.peerName(),
                cause == null ? "unknown" : cause.toString());
        link.closeAll("engine failure");
    }

    private static <T> CompletionStage<T> stage(Supplier<CompletionStage<T>> call) {
        try {
            CompletionStage<T> stage = call.get();
            return stage != null ? stage : CompletableFuture.failedFuture(new IllegalStateException("hook returned null"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
