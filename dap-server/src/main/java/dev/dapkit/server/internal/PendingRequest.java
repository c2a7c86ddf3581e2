package dev.dapkit.server.internal;

import dev.dapkit.model.Request;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One client request from arrival to its one response. Its state moves only forward:
 * queued, then running (or skipped: cancelled or dropped before it ran); answered exactly once.
 *
 * <p>Thread-safe: the reader thread cancels, the session thread runs and answers.
 */
final class PendingRequest {

    enum State {
        /** Waiting for the session thread. */
        QUEUED,
        /** Being handled (or waiting for a later event to be answered, like a launch waiting for configurationDone). */
        RUNNING,
        /** Cancelled or dropped before it ran; it never will. */
        SKIPPED
    }

    private final Request request;
    private final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);
    private final AtomicBoolean answered = new AtomicBoolean();
    private final CancelSignal cancellation;
    private volatile boolean cancelRequested;

    PendingRequest(Request request) {
        this.request = request;
        this.cancellation = new CancelSignal("'" + request.command() + "' (seq " + request.seq() + ")");
    }

    Request request() {
        return request;
    }

    String command() {
        return request.command();
    }

    int seq() {
        return request.seq();
    }

    State state() {
        return state.get();
    }

    /** Moves a queued request to running; false when it was skipped meanwhile. */
    boolean start() {
        return state.compareAndSet(State.QUEUED, State.RUNNING);
    }

    /** Moves a queued request to skipped; false when it is already running (or skipped). */
    boolean skip() {
        return state.compareAndSet(State.QUEUED, State.SKIPPED);
    }

    /**
     * Records that the client asked to cancel it, and sets its signal, which the target may be
     * watching (or will find set when it first looks).
     */
    void requestCancel() {
        cancelRequested = true;
        cancellation.cancel();
    }

    /** The signal the target sees while this request runs. */
    CancelSignal cancellation() {
        return cancellation;
    }

    /** Whether the client asked to cancel it. */
    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Claims the one response; true for exactly one caller. */
    boolean claimAnswer() {
        return answered.compareAndSet(false, true);
    }

    boolean isAnswered() {
        return answered.get();
    }

    @Override
    public String toString() {
        return "'" + request.command() + "' (seq " + request.seq() + ", " + state.get() + ")";
    }
}
