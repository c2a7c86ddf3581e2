package dev.dapkit.server.internal;

import dev.dapkit.model.Event;
import dev.dapkit.model.MessageRegistry;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.NonBlockingReceiver;
import dev.dapkit.server.DebugSession;
import dev.dapkit.server.ServerOptions;
import dev.dapkit.server.spi.TargetProvider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One debug session of a {@code DapServer}: one connection, one target. This class assembles the
 * engine's parts for the session and runs its life: start, the target's {@code terminated}, an
 * orderly or abrupt end of the connection, and the release of the target afterwards.
 *
 * <p>Thread-safe.
 */
public final class ServerSession implements DebugSession {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

    private final String id;
    private final DapConnection connection;
    private final ScheduledExecutorService scheduler;
    private final ServerOptions options;
    private final MessageSequencer sequencer;
    private final OpenRequests open = new OpenRequests();
    private final SessionLane lane;
    private final SessionPhase phase;
    private final TargetHolder target;
    private final OutputBuffer output;
    private final ClientRequests reverse;
    private final TargetRelease release;
    private final InboundRouter router;
    private final CurrentCall calls = new CurrentCall();
    private final AtomicBoolean terminatedSent = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile BiConsumer<ServerSession, Throwable> endListener = (session, cause) -> { };

    /**
     * Assembles a session; {@link #start()} begins it.
     *
     * @param throttle the server's secret failure throttle, shared by its sessions
     */
    public ServerSession(String id, DapConnection connection, TargetProvider provider, ServerOptions options,
            Executor executor, ScheduledExecutorService scheduler, FailureThrottle throttle) {
        this(id, connection, provider, options, executor, scheduler, throttle, SourceTranslator.LOCAL_FILES);
    }

    ServerSession(String id, DapConnection connection, TargetProvider provider, ServerOptions options,
            Executor executor, ScheduledExecutorService scheduler, FailureThrottle throttle,
            Predicate<String> localFileExists) {
        this.id = id;
        this.connection = connection;
        this.scheduler = scheduler;
        this.options = options;
        this.sequencer = new MessageSequencer(connection);
        this.lane = new SessionLane(id, executor);
        this.phase = new SessionPhase(options.secret() != null);
        this.target = new TargetHolder(provider.id());
        Responder responder = new Responder(sequencer, new ErrorMapper(provider.id()), open);
        ClientProfile client = new ClientProfile();
        SuspendedState suspended = new SuspendedState();
        SourceTranslator sources = new SourceTranslator(new PathMapper(), new SourceReferences(), localFileExists);
        BreakpointRegistry registry = new BreakpointRegistry();
        BreakpointView view = new BreakpointView(registry, sources, client);
        BreakpointSync sync = new BreakpointSync(target, registry, view, sources, sequencer);
        this.output = new OutputBuffer(options.maxBufferedOutputBytes(), lane, sequencer);
        ProgressReporter progress = new ProgressReporter(client, sequencer);
        this.reverse = new ClientRequests(sequencer, scheduler, options.requestTimeout(), executor);
        TargetEventSink events = new TargetEventSink(target, lane, calls, sequencer, output, sources, client, suspended,
                new BreakpointConditions(target, registry, output, sources, client), registry, sync, progress,
                this::targetTerminated);
        TargetReverseRequests reverseForTarget = new TargetReverseRequests(client, reverse);
        AccessGuard access = new AccessGuard(id, options.secret() == null ? null : new SecretCheck(options.secret()),
                throttle, scheduler, responder, phase, this::closeConnection);
        this.release = new TargetRelease(target, phase, sync, suspended);
        LaunchHandlers launch = new LaunchHandlers(target, provider,
                arguments -> new SessionTargetContext(events, arguments, reverseForTarget, calls), phase, client, sources,
                sync,
                suspended, access, responder, sequencer);

        HandlerTable table = new HandlerTable(MessageRegistry.standard());
        launch.register(table);
        new EndHandlers(target, phase, release, launch, responder, this::closeConnection).register(table);
        new ExecutionHandlers(target, suspended).register(table);
        new InspectionHandlers(target, suspended, sources, client).register(table);
        new SourceHandlers(target, sources).register(table);
        new BreakpointHandlers(target, registry, sync, view, sources, client, phase, suspended).register(table);
        SessionDispatcher dispatcher = new SessionDispatcher(table, phase, responder, provider.id(), calls);
        this.router = new InboundRouter(id, open, lane, dispatcher, new CancelHandling(open, responder, progress),
                reverse, new ReadingThreadAnswers(connection.readsOnOwnThread(), target));
    }

    /**
     * Sets what runs when the session has ended, before {@link #closeFuture()} completes (so that
     * whoever waits on the future sees the server's bookkeeping done). Call before {@link #start()}.
     */
    public void onEnd(BiConsumer<ServerSession, Throwable> listener) {
        this.endListener = listener;
    }

    /**
     * Starts receiving; the session runs until its connection closes.
     *
     * @param executorRunsElsewhere whether the session executor never runs a task on the thread
     *     that submits it (true for the server's own pool). Then the session takes its messages on
     *     the connection's reading thread ({@link NonBlockingReceiver}): routing them only queues
     *     work. An executor given by the application might run the session's tasks inline (a
     *     caller-runs policy, a direct executor), and the target must never run on a reading
     *     thread that other connections share, so with it messages go through the connection's
     *     delivery thread as before.
     */
    public void start(boolean executorRunsElsewhere) {
        connection.closeFuture().whenComplete((ok, cause) -> connectionClosed(cause));
        connection.start(executorRunsElsewhere ? NonBlockingReceiver.of(router) : router);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return connection.description();
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return ended.copy();
    }

    @Override
    public void end() {
        phase.markEnding();
        sendTerminated().whenComplete((ok, failure) -> closeConnection());
        scheduleClose();
    }

    @Override
    public String toString() {
        return "DebugSession[" + id + ", " + connection.description() + "]";
    }

    /** The session's output buffer; for tests that watch its bound. */
    OutputBuffer outputBuffer() {
        return output;
    }

    /** The reverse requests waiting for the client; for tests. */
    ClientRequests clientRequests() {
        return reverse;
    }

    /** The target said the debuggee is gone: {@code terminated}, then the connection closes when the client disconnects or after the grace time. */
    private void targetTerminated() {
        sendTerminated();
        scheduleClose();
    }

    private CompletableFuture<Void> sendTerminated() {
        if (!terminatedSent.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        return sequencer.send(Event.of("terminated", null));
    }

    private void scheduleClose() {
        try {
            scheduler.schedule(this::closeConnection, options.terminateGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The server has shut down its timer: there is no grace left to give.
            closeConnection();
        }
    }

    private void closeConnection() {
        if (closing.compareAndSet(false, true)) {
            connection.close();
        }
    }

    private void notifyEnd(Throwable cause) {
        try {
            endListener.accept(this, cause);
        } catch (RuntimeException e) {
            LOG.warn("{}: the end listener failed", id, e);
        }
    }

    private void connectionClosed(Throwable cause) {
        closing.set(true);
        phase.markEnding();
        // nobody is left to read an answer: whatever the target is working on may stop
        open.closeAll().forEach(PendingRequest::requestCancel);
        calls.cancel();
        reverse.closeAll();
        lane.submit(() -> {
            try {
                release.releaseAfterConnectionLoss();
            } finally {
                lane.close();
                notifyEnd(cause);
                if (cause == null) {
                    ended.complete(null);
                } else {
                    ended.completeExceptionally(cause);
                }
            }
        });
    }
}
