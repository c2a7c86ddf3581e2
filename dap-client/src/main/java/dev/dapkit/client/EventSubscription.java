package dev.dapkit.client;

/**
 * A handler registered with {@link DapClient#onEvent}. Thread-safe.
 */
public interface EventSubscription {

    /**
     * Stops delivery. After this returns the handler is not called again, apart from a call
     * already under way. Idempotent.
     */
    void cancel();

    /** Whether the subscription still delivers: not cancelled, and the client not closed. */
    boolean isActive();
}
