package dev.dapkit.server.spi;

/**
 * Whether the client cancelled the request a target is serving (DAP's {@code cancel}). The engine
 * gives every request its own signal, through {@link TargetContext#currentRequest()}: a cancel of
 * one request never reaches another, and a cancel that arrives before the target first looks is
 * not lost (the signal stays set, and an action registered afterwards runs at once).
 *
 * <p>A target that serves long requests (an evaluation that runs code in the debuggee, a huge
 * variables page) takes the signal when the request starts and either polls {@link #isCancelled()}
 * or registers {@link #onCancel(Runnable)} to interrupt its work, then ends the request early,
 * typically by throwing a {@link TargetException}; the engine answers it with {@code cancelled}.
 * A target that never looks simply finishes its requests; cancelling then changes nothing.
 *
 * <p>Thread-safe: the engine cancels from the thread that read the {@code cancel} request (or
 * that saw the connection close), while the target works on the session thread or its own.
 */
public interface RequestCancellation {

    /** A signal that is never cancelled: what a target gets outside a request. */
    static RequestCancellation never() {
        return NeverCancelled.INSTANCE;
    }

    /** Whether the request was cancelled. Once true, stays true. */
    boolean isCancelled();

    /**
     * Runs {@code action} once when the request is cancelled: at once, on the calling thread, when
     * it is cancelled already; otherwise on the thread that cancels it; never when the request ends
     * first. The action must be quick and must not block: it runs on the engine's reading thread.
     * An exception it throws is logged and ignored.
     */
    void onCancel(Runnable action);
}
