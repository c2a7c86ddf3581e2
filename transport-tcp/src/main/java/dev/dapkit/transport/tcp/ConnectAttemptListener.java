package dev.dapkit.transport.tcp;

import java.time.Duration;

/**
 * Told about each failed connection attempt that will be retried, e.g. to show "waiting for the
 * board…" while a device boots.
 *
 * <p>Called on a transport thread (an event loop shared by every TCP connection), one call at a
 * time per {@link TcpClientTransport#connect()}: it must return quickly and must not block. An
 * exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface ConnectAttemptListener {

    /**
     * Attempt number {@code attempt} (from 1) failed with {@code cause}; the next one starts after
     * {@code nextDelay}. The last attempt, after which the connect future fails, is not reported.
     */
    void attemptFailed(int attempt, Throwable cause, Duration nextDelay);
}
