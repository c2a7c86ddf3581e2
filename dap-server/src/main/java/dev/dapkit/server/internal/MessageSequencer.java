package dev.dapkit.server.internal;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.transport.DapConnection;
import java.util.concurrent.CompletableFuture;

/**
 * Stamps every outbound message of a session with the next {@code seq} (from 1) and sends it.
 * Stamping and sending happen under one lock, and a connection writes messages in the order of its
 * {@code send} calls, so {@code seq} order is wire order.
 *
 * <p>Thread-safe; never blocks on the peer (a connection's {@code send} does not).
 */
final class MessageSequencer {

    private final DapConnection connection;
    private int lastSeq;

    MessageSequencer(DapConnection connection) {
        this.connection = connection;
    }

    /** Sends {@code message} with the next seq; the future is the connection's send future. */
    CompletableFuture<Void> send(DapMessage message) {
        synchronized (this) {
            lastSeq++;
            return connection.send(message.withSeq(lastSeq));
        }
    }

    /**
     * Sends a message built from the seq it will carry, e.g. a reverse request whose response must
     * be matched by that seq before it can arrive.
     */
    <M extends DapMessage> CompletableFuture<Void> send(SeqAware<M> builder) {
        synchronized (this) {
            lastSeq++;
            return connection.send(builder.build(lastSeq));
        }
    }

    /** The seq of the last message sent; 0 before the first. */
    synchronized int lastSeq() {
        return lastSeq;
    }

    DapConnection connection() {
        return connection;
    }

    /** Makes a message that knows its seq. */
    @FunctionalInterface
    interface SeqAware<M extends DapMessage> {
        M build(int seq);
    }
}
