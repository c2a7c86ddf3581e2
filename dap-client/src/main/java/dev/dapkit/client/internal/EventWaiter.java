package dev.dapkit.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One open {@code awaitEvent}: what it waits for and the future it completes, which is the very
 * future the caller holds (so that cancelling it withdraws the wait). Thread-safe.
 *
 * @param <T> what the caller receives: the event, or its bound body
 */
final class EventWaiter<T> {

    private static final Runnable NOTHING = () -> { };

    private final EventFilter filter;
    private final Function<ReceivedEvent, T> result;
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private volatile Runnable cancelTimeout = NOTHING;

    EventWaiter(EventFilter filter, Function<ReceivedEvent, T> result) {
        this.filter = filter;
        this.result = result;
    }

    EventFilter filter() {
        return filter;
    }

    CompletableFuture<T> future() {
        return future;
    }

    void timeoutScheduled(Runnable cancel) {
        cancelTimeout = cancel;
    }

    void complete(ReceivedEvent event) {
        cancelTimeout.run();
        try {
            future.complete(result.apply(event));
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
    }

    void fail(Throwable failure) {
        cancelTimeout.run();
        future.completeExceptionally(failure);
    }
}
