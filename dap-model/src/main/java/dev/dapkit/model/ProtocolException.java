package dev.dapkit.model;

import java.io.IOException;

/**
 * The peer broke the protocol: the bytes it sent cannot be framed, or a frame is not a DAP
 * message. The connection that saw it is closed; the message says what was wrong and where.
 */
public class ProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
