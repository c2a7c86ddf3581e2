package dev.dapkit.client;

import dev.dapkit.client.internal.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Virtual time for timeout tests: tasks run when the test moves the clock past them, on the test's thread. */
final class ManualScheduler implements Scheduler {

    private final List<Task> tasks = new ArrayList<>();
    private long nowNanos;

    @Override
    public synchronized Runnable schedule(Duration delay, Runnable task) {
        Task scheduled = new Task(nowNanos + delay.toNanos(), task);
        tasks.add(scheduled);
        return () -> {
            synchronized (this) {
                tasks.remove(scheduled);
            }
        };
    }

    @Override
    public void shutdown() {
        // The test owns this scheduler.
    }

    /** Moves time forward and runs every task that falls due, in due order. */
    void advance(Duration by) {
        long target;
        synchronized (this) {
            target = nowNanos + by.toNanos();
        }
        while (true) {
            Task due;
            synchronized (this) {
                due = tasks.stream().filter(t -> t.dueNanos <= target)
                        .min((a, b) -> Long.compare(a.dueNanos, b.dueNanos)).orElse(null);
                if (due == null) {
                    nowNanos = target;
                    return;
                }
                tasks.remove(due);
                nowNanos = due.dueNanos;
            }
            due.action.run();
        }
    }

    /** How many tasks wait to run. */
    synchronized int pending() {
        return tasks.size();
    }

    private record Task(long dueNanos, Runnable action) {
    }
}
