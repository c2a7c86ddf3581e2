package dev.dapkit.client.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} on one daemon thread of its own ({@code dapkit-client-timer-<name>}).
 * Timeout tasks only complete futures, so one thread serves every timeout of a client.
 * Thread-safe.
 */
public final class ThreadScheduler implements Scheduler {

    private final ScheduledThreadPoolExecutor executor;

    public ThreadScheduler(String name) {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "dapkit-client-timer-" + name);
            thread.setDaemon(true);
            return thread;
        });
        // A request answered in time cancels its timeout: drop it now rather than keep it until it was due.
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public Runnable schedule(Duration delay, Runnable task) {
        if (executor.isShutdown()) {
            return () -> { };
        }
        ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
    }
}
