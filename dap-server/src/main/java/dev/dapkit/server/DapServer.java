package dev.dapkit.server;

import dev.dapkit.model.transport.ConnectionSource;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.DapTransports;
import dev.dapkit.server.internal.FailureThrottle;
import dev.dapkit.server.internal.ServerSession;
import dev.dapkit.server.internal.TargetProviders;
import dev.dapkit.server.spi.TargetProvider;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DAP server: hosts one {@link DebugSession} per connection, each driving its own target made by
 * the builder's {@link TargetProvider}. The server does every protocol chore (message order,
 * handles, breakpoint ids, conditions and logpoints, path mapping, cancellation, progress, output
 * buffering, secrets, re-attach) so that targets stay small.
 *
 * <pre>{@code
 * DapServer server = DapServer.builder().target("jvm").listen("tcp://127.0.0.1:0").build().start();
 * URI address = server.address();
 * ...
 * server.close();
 * }</pre>
 *
 * <p>Thread-safe. Each session runs its requests one at a time on a session thread taken from
 * the builder's executor (or the server's own); the server never shuts down an executor it was
 * given. Error responses use the ids of {@link EngineError}.
 */
public final class DapServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DapServer.class);
    private static final Duration MAX_SECRET_DELAY = Duration.ofMinutes(1);

    private final TargetProvider provider;
    private final URI listenUri;
    private final String listenAddress;
    private final ConnectionSource givenSource;
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    private final ScheduledExecutorService scheduler;
    private final ServerOptions options;
    private final ServerListener listener;
    private final FailureThrottle throttle;
    private final AtomicInteger sessionCounter = new AtomicInteger();
    private final Set<ServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final CompletableFuture<Void> allEnded = new CompletableFuture<>();
    private volatile ConnectionSource source;

    private DapServer(Builder b) {
        this.provider = b.provider != null ? b.provider : TargetProviders.find(b.targetId);
        this.listenUri = b.listenUri;
        this.listenAddress = b.listenAddress;
        this.givenSource = b.source;
        this.options = b.options;
        this.listener = b.listener;
        this.ownedExecutor = b.executor == null ? Executors.newCachedThreadPool(daemonThreads("dapkit-session-")) : null;
        this.executor = b.executor != null ? b.executor : ownedExecutor;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("dapkit-server-timer-"));
        this.throttle = new FailureThrottle(options.secretFailureDelay(), MAX_SECRET_DELAY);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts accepting from the connection source given to the builder, if any.
     *
     * @return this server
     * @throws IOException when the source cannot start (e.g. the port is taken)
     * @throws IllegalStateException when called twice or after {@link #shutdown()}
     */
    public DapServer start() throws IOException {
        if (shuttingDown.get()) {
            throw new IllegalStateException("the server is shut down");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the server was already started");
        }
        ConnectionSource s = givenSource;
        if (listenUri != null) {
            s = DapTransports.listen(listenUri);
        } else if (listenAddress != null) {
            s = DapTransports.listen(listenAddress);
        }
        source = s;
        if (s != null) {
            s.start(this::accept);
            LOG.info("dapkit server for target '{}' listening at {}", provider.id(), s.address());
        }
        return this;
    }

    /** The bound address of the connection source (e.g. {@code tcp://127.0.0.1:40123} after port 0), or null. */
    public URI address() {
        ConnectionSource s = source;
        return s == null ? null : s.address();
    }

    /**
     * Hosts one session on a connection the caller made (one side of an in-memory pair, stdio, an
     * accepted socket). The session owns the connection from now on; it is started here.
     *
     * @throws IllegalStateException after {@link #shutdown()} (the connection is closed)
     */
    public DebugSession serve(DapConnection connection) {
        Objects.requireNonNull(connection, "connection");
        if (shuttingDown.get()) {
            connection.close();
            throw new IllegalStateException("the server is shut down; connection " + connection.description()
                    + " was closed");
        }
        ServerSession session = new ServerSession("session-" + sessionCounter.incrementAndGet(), connection, provider,
                options, executor, scheduler, throttle);
        sessions.add(session);
        notify(() -> listener.sessionStarted(session));
        session.onEnd(this::sessionEnded);
        session.start(ownedExecutor != null);
        if (shuttingDown.get()) {
            session.end();
        }
        return session;
    }

    /** The sessions alive now. */
    public List<DebugSession> sessions() {
        return List.copyOf(new ArrayList<DebugSession>(sessions));
    }

    /**
     * Stops accepting, ends every session with a {@code terminated} event and closes its
     * connection. Idempotent.
     *
     * @return a future that completes when every session has ended and the server's own threads
     *     are stopped
     */
    public CompletableFuture<Void> shutdown() {
        if (shuttingDown.compareAndSet(false, true)) {
            ConnectionSource s = source;
            if (s != null) {
                s.close();
            }
            sessions.forEach(ServerSession::end);
            checkAllEnded();
            allEnded.whenComplete((ok, failure) -> {
                scheduler.shutdownNow();
                if (ownedExecutor != null) {
                    ownedExecutor.shutdown();
                }
            });
        }
        return allEnded.copy();
    }

    /** {@link #shutdown()} and wait (at most the terminate grace time and ten seconds) for it. */
    @Override
    public void close() {
        long waitMillis = options.terminateGrace().toMillis() + 10_000;
        try {
            shutdown().get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("dapkit server did not shut down cleanly within {} ms: {}", waitMillis, e.toString());
        }
    }

    private void accept(DapConnection connection) {
        try {
            serve(connection);
        } catch (IllegalStateException e) {
            LOG.debug("refused a connection from {}: {}", connection.description(), e.getMessage());
        }
    }

    private void sessionEnded(ServerSession session, Throwable cause) {
        sessions.remove(session);
        notify(() -> listener.sessionEnded(session, cause));
        checkAllEnded();
    }

    private void checkAllEnded() {
        if (shuttingDown.get() && sessions.isEmpty()) {
            allEnded.complete(null);
        }
    }

    private static void notify(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("a ServerListener threw; ignored", e);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Collects a server's configuration. Not thread-safe; {@link #build()} validates it. */
    public static final class Builder {
        private String targetId;
        private TargetProvider provider;
        private URI listenUri;
        private String listenAddress;
        private ConnectionSource source;
        private Executor executor;
        private ServerOptions options = ServerOptions.defaults();
        private ServerListener listener = new ServerListener() { };

        private Builder() {
        }

        /** The target to debug, found by id through {@link java.util.ServiceLoader} at {@link #build()}. */
        public Builder target(String id) {
            this.targetId = Objects.requireNonNull(id, "id");
            this.provider = null;
            return this;
        }

        /** The target to debug, given directly. */
        public Builder target(TargetProvider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            this.targetId = null;
            return this;
        }

        /** Accept connections at this address ({@link DapTransports#listen(URI)}) once started. */
        public Builder listen(URI uri) {
            this.listenUri = Objects.requireNonNull(uri, "uri");
            this.listenAddress = null;
            return this;
        }

        /** Accept connections at this address as users write it, e.g. {@code tcp://127.0.0.1:4711} or {@code stdio:}. */
        public Builder listen(String uri) {
            this.listenAddress = Objects.requireNonNull(uri, "uri");
            this.listenUri = null;
            return this;
        }

        /** Accept connections from this source once started; the server closes it at shutdown. */
        public Builder connections(ConnectionSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Runs the session threads; the server never shuts down an executor it was given. As
         * dapkit cannot know whether it runs a task on the submitting thread, sessions on an
         * executor of the application's take their messages through a delivery thread of the
         * connection, one thread hand-off per request more than on the server's own executor.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        public Builder options(ServerOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        public Builder listener(ServerListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The server, not yet started.
         *
         * @throws IllegalStateException when no target was given, or both an address and a
         *     connection source were
         * @throws IllegalArgumentException when no target has the given id (the message lists the ids found)
         */
        public DapServer build() {
            if (targetId == null && provider == null) {
                throw new IllegalStateException("no target: call target(\"jvm\") or target(provider) before build()");
            }
            if (source != null && (listenUri != null || listenAddress != null)) {
                throw new IllegalStateException("give either listen(...) or connections(...), not both");
            }
            return new DapServer(this);
        }
    }
}
