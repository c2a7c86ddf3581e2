package dev.dapkit.client.internal;

import dev.dapkit.client.ConnectionLostException;
import dev.dapkit.model.transport.DapConnection;
import dev.dapkit.model.transport.ProcessConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How a client's connection ended, told well enough to act on: who the peer was, why the
 * connection closed, and for an adapter process its exit code and the end of its standard
 * error. Builds the {@link ConnectionLostException} for each request or wait that it ends.
 *
 * <p>Immutable.
 */
final class ConnectionEnd {

    /**
     * How long to wait, after the connection closed, for the adapter process to exit and to close
     * its standard error, so that the exit code and the last words are in the message. A process
     * that closed its output usually exits within milliseconds.
     */
    static final long PROCESS_SETTLE_MILLIS = 500;
    /** How much of the standard error tail goes into a message (the exception keeps it all). */
    private static final int STDERR_IN_MESSAGE = 2000;

    private final String summary;
    private final Throwable cause;
    private final Integer exitCode;
    private final String stderrTail;

    private ConnectionEnd(String summary, Throwable cause, Integer exitCode, String stderrTail) {
        this.summary = summary;
        this.cause = cause;
        this.exitCode = exitCode;
        this.stderrTail = stderrTail;
    }

    /** The end of a connection the client itself closed. */
    static ConnectionEnd closedByClient(DapConnection connection) {
        return new ConnectionEnd("the client was closed (connection " + connection.description() + ")", null, null, "");
    }

    /**
     * Finds out how {@code connection} ended; for an adapter process, waits (without blocking a
     * thread) up to {@link #PROCESS_SETTLE_MILLIS} for its exit code and standard error.
     *
     * @param cause why the connection closed, or null for an orderly end of stream
     */
    static CompletableFuture<ConnectionEnd> diagnose(DapConnection connection, Throwable cause) {
        if (!(connection instanceof ProcessConnection process)) {
            return CompletableFuture.completedFuture(new ConnectionEnd(closedText(connection, cause), cause, null, ""));
        }
        CompletableFuture<?> settled = CompletableFuture.allOf(process.process().onExit(), process.stderrEnded())
                .completeOnTimeout(null, PROCESS_SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        return settled.handle((ignored, error) -> ofProcess(process, cause));
    }

    private static ConnectionEnd ofProcess(ProcessConnection connection, Throwable cause) {
        Process process = connection.process();
        StringBuilder text = new StringBuilder(closedText(connection, cause));
        Integer exitCode = null;
        if (process.isAlive()) {
            text.append("; the adapter process is still running");
        } else {
            exitCode = process.exitValue();
            text.append("; the adapter process exited with code ").append(exitCode);
        }
        String tail = connection.stderrTail();
        if (tail.isBlank()) {
            text.append(" and wrote nothing to standard error");
        } else {
            String shown = tail.length() <= STDERR_IN_MESSAGE ? tail
                    : "..." + tail.substring(tail.length() - STDERR_IN_MESSAGE);
            text.append("; its standard error ends with:\n").append(shown.strip());
        }
        return new ConnectionEnd(text.toString(), cause, exitCode, tail);
    }

    private static String closedText(DapConnection connection, Throwable cause) {
        return cause == null
                ? "the connection to " + connection.description() + " closed"
                : "the connection to " + connection.description() + " failed: " + cause;
    }

    /** Why the connection closed, or null when it closed in order. */
    Throwable cause() {
        return cause;
    }

    /** The failure for a request that was open when the connection ended. */
    ConnectionLostException forOpenRequest(String request) {
        return exception("the " + request + " got no response: " + summary);
    }

    /** The failure for a request made after the connection ended. */
    ConnectionLostException forNewRequest(String command) {
        return exception("cannot send a '" + command + "' request: " + summary);
    }

    /** The failure for an event wait that was open when the connection ended. */
    ConnectionLostException forEventWait(String awaited) {
        return exception("no " + awaited + " arrived: " + summary);
    }

    private ConnectionLostException exception(String message) {
        return new ConnectionLostException(message, cause, exitCode, stderrTail);
    }

    @Override
    public String toString() {
        return summary;
    }
}
