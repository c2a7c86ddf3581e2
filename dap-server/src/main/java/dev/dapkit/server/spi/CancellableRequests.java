package dev.dapkit.server.spi;

/**
 * Optional: long requests (an evaluation that calls into the debuggee, a huge variables page) can be
 * cut short when the client cancels them.
 */
public interface CancellableRequests {

    /**
     * Asks the request now running in this target to stop early. Called from a thread other than
     * the session thread, while the request runs; the request still returns (or throws) as usual and
     * the engine answers it with {@code cancelled}.
     */
    void cancelCurrentRequest();
}
