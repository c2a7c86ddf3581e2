package dev.dapkit.model.transport;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where a server gets its connections: a listening socket, or standard input and output (exactly
 * one connection).
 *
 * <p>Thread-safe. {@code onConnection} is called once per new connection, one call at a time,
 * on a thread the source owns or on the thread that called {@link #start}. Each connection is
 * handed over not yet started: the callee owns it, starts it and eventually closes it. Closing the
 * source stops it producing connections; it does not close connections already handed over.
 */
public interface ConnectionSource extends AutoCloseable {

    /**
     * Starts producing connections.
     *
     * @throws IOException when the source cannot start accepting
     * @throws IllegalStateException when called a second time, or after {@link #close()}
     */
    void start(Consumer<DapConnection> onConnection) throws IOException;

    /**
     * The address the source is bound to, with the real port when port 0 was asked for, e.g.
     * {@code tcp://127.0.0.1:40123}; {@code stdio:-} for standard streams.
     */
    URI address();

    /** Stops producing connections and releases what the source holds. Idempotent. */
    @Override
    void close();

    /**
     * Completes when the source will produce no more connections: normally after {@link #close()}
     * or when it has nothing more to give (standard streams, once their one connection has
     * closed); exceptionally when accepting failed. Each call returns a new dependent future.
     */
    CompletableFuture<Void> closeFuture();
}
