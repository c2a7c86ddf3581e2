package dev.dapkit.server.spi;

import org.eclipse.lsp4j.debug.InitializeRequestArguments;

/**
 * What the engine gives a target when it creates it. Thread-safe.
 */
public interface TargetContext {

    /** Where the target reports what happens in the debuggee; callable from any thread. */
    TargetEvents events();

    /** The client's {@code initialize} arguments: who it is and what it supports. */
    InitializeRequestArguments client();

    /** Requests the target may send to the client, when the client supports them. */
    ReverseRequests reverseRequests();

    /**
     * The cancellation signal of the call the engine is making into the target now. Call it on
     * the thread the engine called the target on, during that call (typically first thing in a
     * long request method), and hand the signal itself to any other thread that does the work: a
     * call from elsewhere or later sees whatever the session thread is doing then.
     *
     * <p>Each client request has its own signal, set when the client cancels that request. The
     * engine's own calls (testing a breakpoint condition, writing a logpoint) have one too, set
     * when the client's connection closes, so that a runaway condition cannot hold the session.
     * Outside any call the signal is {@link RequestCancellation#never()}.
     *
     * @return the signal; the default, for contexts that are not an engine's (e.g. a test
     *     recorder), is never cancelled
     */
    default RequestCancellation currentRequest() {
        return RequestCancellation.never();
    }
}
