package dev.dapkit.client.internal;

import dev.dapkit.model.DapMessage;
import dev.dapkit.model.transport.DapConnection;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;

/**
 * The client's side of the wire: stamps each message with the next {@code seq} (from 1), records
 * it in the trace and hands it to the connection, all under one lock, so that {@code seq} order,
 * trace order and wire order are the same.
 *
 * <p>Thread-safe. {@link DapConnection#send} never blocks on the peer, so holding the lock
 * across it costs no more than the encoding of one message.
 */
final class OutboundChannel {

    private final DapConnection connection;
    private final Tracer tracer;
    private final Object lock = new Object();
    private int lastSeq;

    OutboundChannel(DapConnection connection, Tracer tracer) {
        this.connection = connection;
        this.tracer = tracer;
    }

    /**
     * Stamps and sends {@code message}.
     *
     * @param beforeSend called with the new {@code seq} under the lock before the message is
     *     handed to the connection (so a request is known before its response can arrive);
     *     returning false drops the message unsent
     * @return the connection's send future, or null when {@code beforeSend} dropped the message
     */
    CompletableFuture<Void> send(DapMessage message, IntPredicate beforeSend) {
        synchronized (lock) {
            int seq = ++lastSeq;
            if (!beforeSend.test(seq)) {
                lastSeq--;
                return null;
            }
            DapMessage stamped = message.withSeq(seq);
            tracer.sent(stamped);
            return connection.send(stamped);
        }
    }

    /** Stamps and sends a message nobody waits an answer for (a response to a reverse request). */
    CompletableFuture<Void> send(DapMessage message) {
        return send(message, seq -> true);
    }
}
