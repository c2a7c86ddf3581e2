package dev.dapkit.server.internal;

import dev.dapkit.model.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests of a session that have not been answered yet, by seq, so that {@code cancel} can
 * find them and a closing connection can complete them all.
 *
 * <p>Thread-safe.
 */
final class OpenRequests {

    private final Map<Integer, PendingRequest> open = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Registers a request that just arrived. */
    PendingRequest add(Request request) {
        PendingRequest pending = new PendingRequest(request);
        open.put(request.seq(), pending);
        if (closed) {
            // The connection closed while this one arrived: it joins the others that will never be answered.
            pending.skip();
            pending.claimAnswer();
            open.remove(request.seq());
        }
        return pending;
    }

    /** The open request with this seq, or null. */
    PendingRequest find(int seq) {
        return open.get(seq);
    }

    /** Forgets an answered request. */
    void remove(PendingRequest pending) {
        open.remove(pending.seq(), pending);
    }

    /**
     * The connection is gone: every open request is completed without a response (none can be
     * sent). Queued ones will not run; running ones finish, and their answer goes nowhere.
     *
     * @return the requests that were running, for the caller to signal
     */
    List<PendingRequest> closeAll() {
        closed = true;
        List<PendingRequest> running = new ArrayList<>();
        for (PendingRequest pending : open.values()) {
            if (!pending.skip() && pending.state() == PendingRequest.State.RUNNING) {
                running.add(pending);
            }
            pending.claimAnswer();
        }
        open.clear();
        return running;
    }

    boolean isClosed() {
        return closed;
    }

    int size() {
        return open.size();
    }
}
