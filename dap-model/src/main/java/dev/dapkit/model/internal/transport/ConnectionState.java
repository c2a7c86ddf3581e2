package dev.dapkit.model.internal.transport;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.Event;
import dev.dapkit.model.Request;
import dev.dapkit.model.Response;
import dev.dapkit.model.transport.ConnectionClosedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one connection, shared by every implementation: started once, closed once with a
 * cause (null for an orderly close), and the rule for a receiver that throws.
 *
 * <p>Thread-safe. The first {@link #close} wins: it runs the connection's release action (which
 * fails pending sends and closes streams) and only then completes the close future, so whoever
 * waits on the future sees a connection that has finished closing.
 */
final class ConnectionState {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionState.class);

    private final String description;
    private final Consumer<Throwable> release;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Throwable cause;

    /**
     * @param release called once, by the winning {@link #close}, with the cause (null when
     *     orderly); it must not throw
     */
    ConnectionState(String description, Consumer<Throwable> release) {
        this.description = description;
        this.release = release;
    }

    String description() {
        return description;
    }

    /** Marks the connection started; throws when it already was. */
    void markStarted() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("connection " + description + " was already started");
        }
    }

    boolean isClosing() {
        return closing.get();
    }

    /**
     * Closes with {@code failure} as the cause, or orderly when it is null.
     *
     * @return whether this call closed the connection (false when it was already closing)
     */
    boolean close(Throwable failure) {
        if (!closing.compareAndSet(false, true)) {
            return false;
        }
        cause = failure;
        if (failure != null) {
            LOG.warn("connection {} failed: {}", description, failure.toString());
        } else {
            LOG.debug("connection {} closed", description);
        }
        try {
            release.accept(failure);
        } finally {
            if (failure == null) {
                closed.complete(null);
            } else {
                closed.completeExceptionally(failure);
            }
        }
        return true;
    }

    /** A new dependent of the close future, so that callers cannot complete the real one. */
    CompletableFuture<Void> closeFuture() {
        return closed.copy();
    }

    /** The exception for a send refused or abandoned because the connection closed. */
    ConnectionClosedException closedException(String what) {
        Throwable why = cause;
        return why == null
                ? new ConnectionClosedException("connection " + description + " is closed: " + what)
                : new ConnectionClosedException("connection " + description + " is closed (" + why + "): " + what, why);
    }

    /**
     * Gives {@code message} to {@code receiver} unless the connection is closing. A receiver that
     * throws has lost the message and may have left its own state half-changed: carrying on would
     * hide that, so the exception is logged and closes the connection as its cause.
     */
    void deliver(Consumer<DapMessage> receiver, DapMessage message) {
        if (closing.get()) {
            return;
        }
        try {
            receiver.accept(message);
        } catch (RuntimeException | Error e) {
            LOG.error("receiver of connection {} threw on {}; closing the connection", description, summary(message), e);
            close(e);
        }
    }

    /** A short name for a message in logs, e.g. {@code request 'launch' seq 3}. */
    static String summary(DapMessage message) {
        if (message instanceof Request r) {
            return "request '" + r.command() + "' seq " + r.seq();
        }
        if (message instanceof Response r) {
            return "response to '" + r.command() + "' request_seq " + r.requestSeq() + " seq " + r.seq();
        }
        Event e = (Event) message;
        return "event '" + e.event() + "' seq " + e.seq();
    }
}
