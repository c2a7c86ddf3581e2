package dev.dapkit.model.transport;

import java.io.IOException;

/**
 * A message could not be sent because its connection was closed, or closed before the message
 * was written. The cause, when present, is why the connection closed.
 */
public class ConnectionClosedException extends IOException {

    private static final long serialVersionUID = 1L;

    public ConnectionClosedException(String message) {
        super(message);
    }

    public ConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
