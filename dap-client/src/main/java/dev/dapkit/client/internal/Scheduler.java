package dev.dapkit.client.internal;

import java.time.Duration;

/**
 * Runs timeouts. The engine asks for time only through this interface, so that tests can move
 * time by hand instead of waiting for it.
 *
 * <p>Implementations are thread-safe.
 */
public interface Scheduler {

    /**
     * Runs {@code task} once after {@code delay}.
     *
     * @return an action that cancels the task if it has not run yet; idempotent
     */
    Runnable schedule(Duration delay, Runnable task);

    /** Stops the scheduler; tasks not yet run are dropped. Idempotent. */
    void shutdown();
}
