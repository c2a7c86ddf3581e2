package dev.dapkit.model.transport;

import java.util.concurrent.CompletableFuture;

/**
 * A connection to a child process over its standard input and output, which keeps the last part
 * of the process's standard error for diagnostics (an adapter that fails usually says why there).
 *
 * <p>Thread-safe, like every {@link DapConnection}. {@link #close()} closes the process's
 * standard input, which tells a well-behaved adapter to exit; it does not kill the process: the
 * one who started it decides that (see {@link Process#destroy()}).
 */
public interface ProcessConnection extends DapConnection {

    /** The process this connection talks to. */
    Process process();

    /**
     * The last bytes the process wrote to its standard error so far, at most the capacity given
     * when the connection was made, decoded as UTF-8 (a character cut at the start is dropped).
     */
    String stderrTail();

    /**
     * Completes when the process has closed its standard error, usually by exiting; from then on
     * {@link #stderrTail()} holds everything that will ever be kept. Each call returns a new
     * dependent future.
     */
    CompletableFuture<Void> stderrEnded();
}
