package dev.dapkit.server.internal;

import dev.dapkit.server.spi.RequestCancellation;

/**
 * The cancellation signal of the call the session thread is making into the target now, for
 * {@code TargetContext.currentRequest()}: a client request's own signal while the request is
 * handled, a fresh one while the engine works on a target event (a breakpoint condition), and
 * {@link RequestCancellation#never()} in between.
 *
 * <p>Thread-safe: set and cleared on the session thread; read by the target (on that thread,
 * as the SPI asks) and by whoever cancels when the connection closes.
 */
final class CurrentCall {

    private volatile CancelSignal current;

    /** Runs {@code body} as a call with its own signal, for work of the engine's own. */
    void runInternal(String what, Runnable body) {
        CancelSignal signal = new CancelSignal(what);
        CancelSignal outer = current;
        current = signal;
        try {
            body.run();
        } finally {
            signal.finish();
            current = outer;
        }
    }

    /** Makes {@code signal} the current one, until {@link #end}. */
    CancelSignal begin(CancelSignal signal) {
        CancelSignal outer = current;
        current = signal;
        return outer;
    }

    /** Ends the call begun with {@link #begin}, restoring what was current before. */
    void end(CancelSignal outer) {
        current = outer;
    }

    /** The current signal, or one that never cancels. */
    RequestCancellation signal() {
        CancelSignal s = current;
        return s == null ? RequestCancellation.never() : s;
    }

    /** Cancels the current call, if there is one; for a connection that closed under it. */
    void cancel() {
        CancelSignal s = current;
        if (s != null) {
            s.cancel();
        }
    }
}
