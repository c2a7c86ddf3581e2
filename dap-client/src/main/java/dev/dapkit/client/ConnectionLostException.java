package dev.dapkit.client;

/**
 * The connection to the adapter ended while a request or an {@code awaitEvent} was open, or a
 * request was made after it ended. The message says how it ended; when the client talks to an
 * adapter process, it includes the process's exit code and the end of its standard error, where
 * adapters say why they fail. The cause, when present, is why the connection closed (for
 * example the decoder's {@link dev.dapkit.model.ProtocolException} when the adapter sent
 * garbage).
 */
public class ConnectionLostException extends DapClientException {

    private static final long serialVersionUID = 1L;

    private final Integer exitCode;
    private final String stderrTail;

    public ConnectionLostException(String message, Throwable cause, Integer exitCode, String stderrTail) {
        super(message, cause);
        this.exitCode = exitCode;
        this.stderrTail = stderrTail == null ? "" : stderrTail;
    }

    /** The adapter process's exit code, or null when there is no process or it had not exited. */
    public Integer exitCode() {
        return exitCode;
    }

    /** The end of the adapter process's standard error; empty when there is no process or it wrote nothing. */
    public String stderrTail() {
        return stderrTail;
    }
}
