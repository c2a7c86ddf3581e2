package dev.dapkit.client.internal;

import java.util.concurrent.Executor;
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
    private final ClientFuture<T> future;
    private volatile Runnable cancelTimeout = NOTHING;

    /** @param executor where the future's stages run */
    EventWaiter(EventFilter filter, Function<ReceivedEvent, T> result, Executor executor) {
        this.future = new ClientFuture<>(executor);
        this.filter = filter;
        this.result = result;
    }

    EventFilter filter() {
        return filter;
    }

    ClientFuture<T> future() {
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
