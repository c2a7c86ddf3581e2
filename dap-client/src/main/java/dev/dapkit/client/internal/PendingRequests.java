package dev.dapkit.client.internal;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The requests sent and not yet answered, by {@code seq}, plus the recent ones the client gave
 * up on (timed out or cancelled), so that their late responses are told apart from responses
 * that match nothing.
 *
 * <p>Thread-safe. Once {@link #closeAll()} has run nothing more is registered: a request either
 * is registered before, and is failed by whoever closed, or is refused.
 */
final class PendingRequests {

    /** How many given-up {@code seq}s are remembered, to log their late responses quietly. */
    private static final int ABANDONED_MEMORY = 256;

    private final Map<Integer, OpenRequest<?>> open = new HashMap<>();
    private final LinkedHashSet<Integer> abandoned = new LinkedHashSet<>();
    private boolean closed;

    /** Registers {@code request} under {@code seq}; false when the client is closed. */
    synchronized boolean register(int seq, OpenRequest<?> request) {
        if (closed) {
            return false;
        }
        open.put(seq, request);
        return true;
    }

    /** Removes and returns the request {@code requestSeq} answers, or null when none is open. */
    synchronized OpenRequest<?> take(int requestSeq) {
        return open.remove(requestSeq);
    }

    /**
     * The class the body of the successful {@code command} response to open request
     * {@code requestSeq} binds to, or null; see {@link OpenRequest#bodyClassFor}. Called by the
     * decoder for every successful response, so it only looks.
     */
    synchronized Type bodyClassFor(int requestSeq, String command) {
        OpenRequest<?> request = open.get(requestSeq);
        return request == null ? null : request.bodyClassFor(command);
    }

    /**
     * Gives up on {@code request}: it is no longer open, and a late response to it will be
     * recognised. Returns false when it was not open any more (answered, or closed).
     */
    synchronized boolean abandon(OpenRequest<?> request) {
        if (!open.remove(request.seq(), request)) {
            return false;
        }
        abandoned.add(request.seq());
        if (abandoned.size() > ABANDONED_MEMORY) {
            Iterator<Integer> oldest = abandoned.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Whether {@code requestSeq} is a request the client gave up on; forgets it. */
    synchronized boolean forgetAbandoned(int requestSeq) {
        return abandoned.remove(requestSeq);
    }

    /** Refuses further registrations and returns every open request, which the caller fails. */
    synchronized List<OpenRequest<?>> closeAll() {
        closed = true;
        List<OpenRequest<?>> all = new ArrayList<>(open.values());
        open.clear();
        return all;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized int size() {
        return open.size();
    }
}
