package dev.dapkit.target.micropython.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The host's requests to an agent that await their reply, by request id ({@code i}). A reply
 * ({@code r}) completes its request; closing the link fails every request still open, and later
 * registrations fail at once, so no caller waits for a link that is gone.
 *
 * <p>Thread-safe: callers register from any thread, the link's reader completes.
 */
final class PendingRequests {

    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, Pending> open = new ConcurrentHashMap<>();
    private volatile String closedReason;

    /** A request waiting for its reply. */
    record Pending(int id, String command, CompletableFuture<ObjectNode> reply) {
    }

    /** Registers a new request and issues its id (1, 2, ...). */
    Pending register(String command) {
        Pending pending = new Pending(ids.incrementAndGet(), command, new CompletableFuture<>());
        open.put(pending.id(), pending);
        String reason = closedReason;
        if (reason != null) {
            fail(pending, reason);
        }
        return pending;
    }

    /**
     * Hands a reply to its request.
     *
     * @return false when no request with that id is open (it timed out, was cancelled, or never was)
     */
    boolean complete(int id, ObjectNode reply) {
        Pending pending = open.remove(id);
        if (pending == null) {
            return false;
        }
        pending.reply().complete(reply);
        return true;
    }

    /** Stops waiting for a request (after a timeout or a cancel): its reply, if it comes, is dropped. */
    void forget(int id) {
        open.remove(id);
    }

    /** Fails every open request, and every later one, with {@link LinkClosedException}. */
    void closeAll(String reason) {
        closedReason = reason;
        for (Integer id : open.keySet()) {
            Pending pending = open.remove(id);
            if (pending != null) {
                fail(pending, reason);
            }
        }
    }

    int openCount() {
        return open.size();
    }

    private void fail(Pending pending, String reason) {
        open.remove(pending.id());
        pending.reply().completeExceptionally(new LinkClosedException(reason));
    }

    /** The link closed before the reply came; the message is the link's reason. */
    static final class LinkClosedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LinkClosedException(String reason) {
            super(reason, null, false, false);
        }
    }
}
