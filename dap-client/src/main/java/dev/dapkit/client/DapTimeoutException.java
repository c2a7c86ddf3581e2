package dev.dapkit.client;

import java.time.Duration;

/**
 * Nothing arrived in time: no response to a request, or no matching event for
 * {@code awaitEvent}. The message names what was awaited and the timeout.
 */
public class DapTimeoutException extends DapClientException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    public DapTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    /** How long was waited. */
    public Duration timeout() {
        return timeout;
    }
}
