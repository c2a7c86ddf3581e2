package dev.dapkit.target.micropython.internal;

import java.io.IOException;

/** The link to an agent failed or carried something that breaks the protocol; the message says what and where. */
public final class AgentLinkException extends IOException {

    private static final long serialVersionUID = 1L;

    public AgentLinkException(String message) {
        super(message);
    }

    public AgentLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
