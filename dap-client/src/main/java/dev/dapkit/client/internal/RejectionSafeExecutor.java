package dev.dapkit.client.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * An executor that runs a task on the calling thread when the executor it wraps refuses it
 * (shut down while the client closes), so that the last completions and failures are never
 * lost. Thread-safe.
 */
final class RejectionSafeExecutor implements Executor {

    private final Executor delegate;

    RejectionSafeExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        try {
            delegate.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }
}
