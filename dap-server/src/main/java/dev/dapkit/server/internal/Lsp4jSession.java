package dev.dapkit.server.internal;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.MessageRegistry;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.server.DebugSession;
import dev.dapkit.server.EngineError;
import dev.dapkit.server.ServerOptions;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts an LSP4J {@link IDebugProtocolServer} on a dapkit connection: requests are bound with the
 * {@link MessageRegistry}'s types (or the method's own, for commands DAP does not define) and
 * dispatched to the server's {@code @JsonRequest} methods; their futures become responses, and
 * their failures error responses through the same {@link ErrorMapper} as the engine's. The server
 * talks back through an {@link IDebugProtocolClient} proxy. {@code seq} is stamped by dapkit.
 *
 * <p>Thread-safe. As with LSP4J's own launcher, the server's methods are called on the
 * connection's delivery thread, one at a time in arrival order; they should hand long work to
 * their futures. {@code cancel} cancels the future of the request it names.
 */
public final class Lsp4jSession implements DebugSession {

    private static final Logger LOG = LoggerFactory.getLogger(Lsp4jSession.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** Shared by every hosted LSP4J server, for reverse request timeouts only. */
    private static final class Timer {
        static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dapkit-lsp4j-timer");
            t.setDaemon(true);
            return t;
        });
    }

    private final String id;
    private final DapConnection connection;
    private final MessageSequencer sequencer;
    private final OpenRequests open = new OpenRequests();
    private final Responder responder;
    private final ClientRequests reverse;
    private final Map<Integer, CompletableFuture<?>> running = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final IDebugProtocolServer server;
    private final Lsp4jServerMethods methods;

    /**
     * Hosts the server {@code factory} makes when given the client proxy; {@link #start()} begins.
     */
    public Lsp4jSession(Function<? super IDebugProtocolClient, ? extends IDebugProtocolServer> factory,
            DapConnection connection, ServerOptions options) {
        this.id = "lsp4j-session-" + COUNTER.incrementAndGet();
        this.connection = connection;
        this.sequencer = new MessageSequencer(connection);
        this.reverse = new ClientRequests(sequencer, Timer.INSTANCE, options.requestTimeout(), Runnable::run);
        IDebugProtocolClient client = Lsp4jClientProxy.create(sequencer, reverse, connection.description());
        this.server = factory.apply(client);
        if (server == null) {
            throw new IllegalArgumentException("the server factory returned no server");
        }
        this.methods = Lsp4jServerMethods.of(server.getClass());
        this.responder = new Responder(sequencer, new ErrorMapper(server.getClass().getSimpleName()), open);
    }

    /** Starts receiving. */
    public void start() {
        connection.closeFuture().whenComplete((ok, cause) -> closed(cause));
        connection.start(this::receive);
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
        sequencer.send(Event.of("terminated", null)).whenComplete((ok, failure) -> connection.close());
    }

    private void receive(DapMessage message) {
        if (message instanceof Request request) {
            PendingRequest pending = open.add(request);
            if (pending.start()) {
                if (CancelHandling.COMMAND.equals(request.command())) {
                    cancel(request);
                }
                dispatch(pending);
            }
        } else if (message instanceof Response response) {
            reverse.onResponse(response);
        } else {
            LOG.debug("{}: ignoring an event from the client: {}", id, message);
        }
    }

    private void dispatch(PendingRequest pending) {
        Request request = pending.request();
        Lsp4jServerMethods.RequestMethod target = methods.find(request.command()).orElse(null);
        if (target == null) {
            responder.fail(pending, isDapCommand(request.command())
                    ? RequestFailure.notSupported(request.command(), server.getClass().getSimpleName())
                    : RequestFailure.of(EngineError.UNKNOWN_COMMAND, "unknown command '" + request.command() + "'"));
            return;
        }
        CompletableFuture<?> result;
        try {
            Object argument = target.argumentType() == null ? null
                    : ArgumentsBinder.bind(request, MessageRegistry.standard().command(request.command())
                            .map(b -> b.argumentsType()).filter(t -> t != Void.class).orElse(target.argumentType()));
            Object returned = target.argumentType() == null ? target.method().invoke(server)
                    : target.method().invoke(server, argument);
            result = returned instanceof CompletableFuture<?> f ? f : CompletableFuture.completedFuture(returned);
        } catch (InvocationTargetException e) {
            if (CancelHandling.COMMAND.equals(request.command()) && e.getCause() instanceof UnsupportedOperationException) {
                responder.succeed(pending, null);
            } else {
                responder.fail(pending, e.getCause());
            }
            return;
        } catch (IllegalAccessException | RuntimeException e) {
            responder.fail(pending, e);
            return;
        }
        running.put(request.seq(), result);
        result.whenComplete((body, failure) -> {
            running.remove(request.seq());
            if (failure == null) {
                responder.succeed(pending, body);
            } else {
                responder.fail(pending, failure);
            }
        });
    }

    /** Cancels the future of the request a {@code cancel} names; the cancel itself goes on to the server. */
    private void cancel(Request request) {
        Integer target;
        try {
            target = ArgumentsBinder.bind(request, org.eclipse.lsp4j.debug.CancelArguments.class).getRequestId();
        } catch (RequestFailure e) {
            return;
        }
        PendingRequest pending = target == null ? null : open.find(target);
        if (pending != null) {
            pending.requestCancel();
            CompletableFuture<?> future = running.get(target);
            if (future != null) {
                future.cancel(true);
            }
        }
    }

    private static boolean isDapCommand(String command) {
        return MessageRegistry.standard().command(command).isPresent();
    }

    private void closed(Throwable cause) {
        open.closeAll();
        running.values().forEach(f -> f.cancel(true));
        reverse.closeAll();
        if (cause == null) {
            ended.complete(null);
        } else {
            ended.completeExceptionally(cause);
        }
    }

    @Override
    public String toString() {
        return "DebugSession[" + id + ", " + server.getClass().getName() + ", " + connection.description() + "]";
    }
}
