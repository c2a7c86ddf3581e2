package dev.dapkit.client.internal;

import dev.dapkit.client.DapClientException;
import dev.dapkit.client.DapTimeoutException;
import dev.dapkit.client.EventSubscription;
import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.ExpectedBodies;
import dev.dapkit.model.RawJson;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.ConnectionClosedException;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.NonBlockingReceiver;
import dev.dapkit.model.transport.ProcessConnection;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.lsp4j.debug.CancelArguments;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client engine behind {@link dev.dapkit.client.DapClient}: sends requests and matches their
 * responses, routes events and reverse requests, applies timeouts and cancellation, and ends
 * everything that is open when the connection ends.
 *
 * <p>Thread-safe. Inbound messages arrive on the connection's delivery (or reading) thread, which
 * only records, matches, binds and queues: response futures and event waits complete there, but
 * their stages run on the executor ({@link ClientFuture}); event handlers run and reverse requests
 * are answered on the executor.
 */
public final class ClientCore {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCore.class);
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    /** How long an adapter process that exited may keep its output open before the client stops reading. */
    private static final long EXITED_OUTPUT_GRACE_MILLIS = 200;
    private static final String CAPABILITIES_EVENT = "capabilities";
    private static final String CANCEL_REQUEST = "cancel";
    private static final String SUPPORTS_CANCEL = "supportsCancelRequest";

    private final DapConnection connection;
    private final boolean ownsProcess;
    private final ClientSettings settings;
    private final ExecutorService ownExecutor;
    private final Executor executor;
    private final Scheduler scheduler;
    private final OutboundChannel outbound;
    private final PendingRequests pending = new PendingRequests();
    private final AdapterCapabilities capabilities = new AdapterCapabilities();
    private final EventHub events;
    private final ReverseRequests reverseRequests;
    private final Tracer tracer;
    private final IDebugProtocolServer server;
    private final AtomicBoolean closedByClient = new AtomicBoolean();
    private final CompletableFuture<ConnectionEnd> ended = new CompletableFuture<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    /**
     * @param connection the connection, not yet started; the client owns it from now on
     * @param ownsProcess whether the client started the adapter process behind {@code connection}
     *     and so must end it
     */
    public ClientCore(DapConnection connection, boolean ownsProcess, ClientSettings settings) {
        this.connection = connection;
        this.ownsProcess = ownsProcess;
        this.settings = settings;
        String name = connection.description();
        int number = CLIENTS.incrementAndGet();
        this.ownExecutor = settings.executor() == null ? Executors.newCachedThreadPool(daemonThreads(number)) : null;
        this.executor = new RejectionSafeExecutor(ownExecutor != null ? ownExecutor : settings.executor());
        this.scheduler = settings.scheduler() != null ? settings.scheduler() : new ThreadScheduler(String.valueOf(number));
        this.tracer = new Tracer(settings.trace(), settings.traceToLog(), name, settings.clock());
        this.outbound = new OutboundChannel(connection, tracer);
        this.events = new EventHub(settings.registry(), new EventHistory(settings.eventHistoryLimit()),
                new SerialExecutor(executor, "event lane of " + name), executor, scheduler, settings.listener());
        this.reverseRequests = new ReverseRequests(settings.reverseRequestHandlers(), executor, outbound, name);
        this.server = ServerProxy.create(this, null);
    }

    /** Starts reading from the connection. Called once, by the builder. */
    public void start() {
        connection.closeFuture().whenComplete((ignored, cause) -> connectionClosed(
                cause == null ? null : ErrorResponses.unwrap(cause)));
        // With the client's own executor nothing here blocks or runs caller code inline (the trace
        // consumer and event predicates must be quick, as documented), so messages may be taken on
        // the transport's reading thread; an application's executor might run tasks inline.
        connection.start(settings.executor() == null ? new NonBlockingInbound() : new Inbound());
        if (connection instanceof ProcessConnection process) {
            // A child that inherited the adapter's output can keep the pipe open after the adapter died.
            process.process().onExit().thenRun(() -> CompletableFuture
                    .delayedExecutor(EXITED_OUTPUT_GRACE_MILLIS, TimeUnit.MILLISECONDS)
                    .execute(connection::close));
        }
    }

    public String description() {
        return connection.description();
    }

    public IDebugProtocolServer server(Duration timeout) {
        return timeout == null ? server : ServerProxy.create(this, Timeouts.check(timeout, "request timeout"));
    }

    /**
     * Sends a request; the returned future is the request's own (cancelling it cancels the request).
     *
     * @param bodyType what the response body binds to: {@code Void.class} for nothing,
     *     {@code RawJson.class} for the raw body
     * @param timeout the timeout, or null for the client's default for {@code command}
     */
    public <T> CompletableFuture<T> request(String command, Object arguments, Type bodyType, Duration timeout) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(bodyType, "bodyType");
        Duration effective = timeout != null ? timeout : settings.commandTimeouts().getOrDefault(command,
                settings.requestTimeout());
        OpenRequest<T> open = new OpenRequest<>(command, bodyType, effective, executor);
        RawJson raw;
        try {
            raw = RawArguments.toRaw(arguments);
            if (InitializeArguments.COMMAND.equals(command)) {
                raw = InitializeArguments.withClientSupport(raw, reverseRequests);
            }
        } catch (IllegalArgumentException e) {
            open.fail(e);
            return open.future();
        }
        open.future().whenCompleteHere((body, failure) -> {
            if (open.future().isCancelled()) {
                abandon(open, "cancelled by the caller");
            }
        });
        CompletableFuture<Void> sent = outbound.send(new Request(0, command, raw, Map.of()), seq -> {
            if (!pending.register(seq, open)) {
                return false;
            }
            open.stamped(seq);
            if (!Timeouts.isNone(effective)) {
                open.timeoutScheduled(scheduler.schedule(effective, () -> timedOut(open)));
            }
            return true;
        });
        if (sent == null) {
            ended.thenAccept(end -> open.fail(end.forNewRequest(command)));
            return open.future();
        }
        sent.whenComplete((ignored, failure) -> {
            // A send refused because the connection closed is failed by connectionClosed, with the real cause.
            if (failure != null && !(ErrorResponses.unwrap(failure) instanceof ConnectionClosedException)
                    && pending.abandon(open)) {
                open.fail(notSent(open, failure));
            }
        });
        return open.future();
    }

    public Capabilities capabilities() {
        return capabilities.get();
    }

    public EventSubscription onEvent(String event, Consumer<? super Event> handler) {
        return events.subscribe(Objects.requireNonNull(event, "event"), handler);
    }

    public <T> EventSubscription onEvent(Class<T> bodyType, Consumer<? super T> handler) {
        return events.subscribe(bodyType, handler);
    }

    public CompletableFuture<Event> awaitEvent(String event, Predicate<? super Event> predicate, Duration timeout) {
        return events.await(event, predicate, Timeouts.check(timeout, "event timeout"));
    }

    public <T> CompletableFuture<T> awaitEvent(Class<T> bodyType, Predicate<? super T> predicate, Duration timeout) {
        return events.await(bodyType, predicate, Timeouts.check(timeout, "event timeout"));
    }

    public List<Event> eventHistory() {
        return events.history();
    }

    public boolean isOpen() {
        return !pending.isClosed();
    }

    /**
     * Completes when the client has ended: every future failed, the executor and the adapter
     * process stopped; exceptionally with the connection's failure when it failed.
     */
    public CompletableFuture<Void> closeFuture() {
        return terminated.copy();
    }

    /** Closes the connection (and, for a process the client started, ends it); idempotent. */
    public void close() {
        if (closedByClient.compareAndSet(false, true)) {
            connection.close();
        }
    }

    // ---- inbound, on the connection's delivery or reading thread ------------------------------------

    /**
     * The receiver: takes each message, and tells a decoding connection what the body of each
     * successful response binds to, so that it is bound while the response is read.
     */
    private class Inbound implements Consumer<DapMessage>, ExpectedBodies {

        @Override
        public void accept(DapMessage message) {
            receive(message);
        }

        @Override
        public Type successBody(int requestSeq, String command) {
            return pending.bodyClassFor(requestSeq, command);
        }
    }

    private final class NonBlockingInbound extends Inbound implements NonBlockingReceiver {
    }

    private void receive(DapMessage message) {
        tracer.received(message);
        if (message instanceof Response response) {
            responseReceived(response);
        } else if (message instanceof Event event) {
            if (CAPABILITIES_EVENT.equals(event.event())) {
                capabilities.changed(event.body());
            }
            events.received(event);
        } else {
            reverseRequests.received((Request) message);
        }
    }

    private void responseReceived(Response response) {
        OpenRequest<?> open = pending.take(response.requestSeq());
        if (open == null) {
            if (pending.forgetAbandoned(response.requestSeq())) {
                LOG.debug("{}: late response to '{}' request_seq {}, which was given up on; ignored", description(),
                        response.command(), response.requestSeq());
            } else {
                LOG.warn("{}: response to '{}' with request_seq {} matches no open request; ignored", description(),
                        response.command(), response.requestSeq());
                events.unmatched(response);
            }
            return;
        }
        if (response.success() && InitializeArguments.COMMAND.equals(open.command())) {
            // Known before anyone sees the initialize future complete, so cancel support is never guessed.
            capabilities.initialized(response.body());
        }
        if (events.allDelivered()) {
            // Completed here, on the reading thread: a caller blocked in get() wakes without a hand-off
            // through the executor, while the future's stages still run on the executor (ClientFuture).
            open.complete(response);
        } else {
            // Events that came before the response are still on their way to the handlers: completing
            // here would let the caller see the response first.
            executor.execute(() -> open.complete(response));
        }
    }

    // ---- giving up on requests ----------------------------------------------------------------------

    private void timedOut(OpenRequest<?> open) {
        if (abandon(open, "timed out")) {
            open.fail(new DapTimeoutException("no response to the " + open.describe() + " from " + description()
                    + " within " + Timeouts.describe(open.timeout()), open.timeout()));
        }
    }

    /** Stops waiting for {@code open}; tells the adapter with {@code cancel} when it supports that. */
    private boolean abandon(OpenRequest<?> open, String why) {
        if (!pending.abandon(open)) {
            return false;
        }
        if (!CANCEL_REQUEST.equals(open.command()) && capabilities.supports(SUPPORTS_CANCEL)) {
            CancelArguments arguments = new CancelArguments();
            arguments.setRequestId(open.seq());
            request(CANCEL_REQUEST, arguments, Void.class, null).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    LOG.debug("{}: cancel of the {} ({}) failed: {}", description(), open.describe(), why,
                            failure.toString());
                }
            });
        } else {
            LOG.debug("{}: gave up on the {} ({}); the adapter is not told", description(), open.describe(), why);
        }
        return true;
    }

    private DapClientException notSent(OpenRequest<?> open, Throwable failure) {
        Throwable cause = ErrorResponses.unwrap(failure);
        return new DapClientException("the " + open.describe() + " was not sent to " + description() + ": "
                + cause.getMessage(), cause);
    }

    // ---- the end ------------------------------------------------------------------------------------

    private void connectionClosed(Throwable cause) {
        List<OpenRequest<?>> open = pending.closeAll();
        CompletableFuture<ConnectionEnd> end = closedByClient.get()
                ? CompletableFuture.completedFuture(ConnectionEnd.closedByClient(connection))
                : ConnectionEnd.diagnose(connection, cause);
        end.thenAccept(how -> {
            if (!closedByClient.get() || cause != null) {
                LOG.debug("{}: {}", description(), how);
            }
            // One task: every open request has failed before the listener hears of the end.
            executor.execute(() -> {
                for (OpenRequest<?> request : open) {
                    request.fail(how.forOpenRequest(request.describe()));
                }
                ended.complete(how);
                events.closed(how);
                release().whenComplete((ignored, failure) -> {
                    if (how.cause() == null) {
                        terminated.complete(null);
                    } else {
                        terminated.completeExceptionally(how.cause());
                    }
                });
            });
        });
    }

    /** Stops what the client owns: the timer, its own executor (after queued work), the adapter process. */
    private CompletableFuture<Void> release() {
        if (settings.scheduler() == null) {
            scheduler.shutdown();
        }
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
        if (ownsProcess && connection instanceof ProcessConnection process) {
            return AdapterProcess.stop(process);
        }
        return CompletableFuture.completedFuture(null);
    }

    private static ThreadFactory daemonThreads(int client) {
        AtomicInteger threads = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "dapkit-client-" + client + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
