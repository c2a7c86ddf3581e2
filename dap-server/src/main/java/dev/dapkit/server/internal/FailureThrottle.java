package dev.dapkit.server.internal;

import java.time.Duration;

/**
 * Slows down guessing: each consecutive failed secret on a server, from any client, waits twice
 * as long as the one before before it is answered (from a base delay, up to a cap); a success
 * starts over.
 *
 * <p>Thread-safe; shared by every session of a server.
 */
public final class FailureThrottle {

    /** Past this many doublings the delay stays at the cap; also keeps the shift from overflowing. */
    private static final int MAX_DOUBLINGS = 20;

    private final Duration base;
    private final Duration cap;
    private int consecutiveFailures;

    /**
     * @param base the delay before answering the first failure
     * @param cap the longest delay
     */
    public FailureThrottle(Duration base, Duration cap) {
        this.base = base;
        this.cap = cap.compareTo(base) < 0 ? base : cap;
    }

    /** Records a failure and returns how long to wait before answering it. */
    synchronized Duration failed() {
        int doublings = Math.min(consecutiveFailures, MAX_DOUBLINGS);
        consecutiveFailures++;
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** Records a success: the next failure waits only the base delay. */
    synchronized void succeeded() {
        consecutiveFailures = 0;
    }
}
