package dev.dapkit.client.internal;

import java.time.Duration;
import java.util.TreeSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} on one daemon thread of its own ({@code dapkit-client-timer-<name>}), started
 * on first use. Timeout tasks only complete futures, so one thread serves every timeout of a client.
 *
 * <p>Every request schedules a timeout and nearly every one is cancelled a moment later, so the
 * timer thread is woken only when a new task is due before the one it already waits for. With the
 * same timeout for every request that never happens: scheduling is then a set insertion, without
 * the thread wake-up that {@code ScheduledThreadPoolExecutor} pays whenever its queue was empty
 * (a tenth of a DAP round trip in the JVM target benchmark). A cancelled task leaves the set at
 * once, so none piles up.
 *
 * <p>Thread-safe.
 */
public final class ThreadScheduler implements Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadScheduler.class);

    /** The longest delay kept exactly (about 73 years): {@code nanoTime} arithmetic must not overflow. */
    private static final long MAX_DELAY_NANOS = Long.MAX_VALUE / 4;

    private final String threadName;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    /** Guarded by {@link #lock}, as are the fields below. */
    private final TreeSet<Task> tasks = new TreeSet<>();
    private long nextSequence;
    private Thread thread;
    private boolean shutdown;
    /** Whether the timer thread waits with nothing to wait for. */
    private boolean idle;
    /** Whether the timer thread waits for {@link #waitingFor}. */
    private boolean waiting;
    private long waitingFor;

    public ThreadScheduler(String name) {
        this.threadName = "dapkit-client-timer-" + name;
    }

    @Override
    public Runnable schedule(Duration delay, Runnable task) {
        long deadline = System.nanoTime() + delayNanos(delay);
        Task scheduled;
        lock.lock();
        try {
            if (shutdown) {
                return () -> { };
            }
            scheduled = new Task(deadline, nextSequence++, task);
            tasks.add(scheduled);
            if (thread == null) {
                thread = new Thread(this::runTasks, threadName);
                thread.setDaemon(true);
                thread.start();
            } else if (idle || (waiting && deadline - waitingFor < 0)) {
                wake.signal();
            }
        } finally {
            lock.unlock();
        }
        return () -> cancel(scheduled);
    }

    @Override
    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            tasks.clear();
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Tasks not yet run nor cancelled; for tests. */
    int pending() {
        lock.lock();
        try {
            return tasks.size();
        } finally {
            lock.unlock();
        }
    }

    private void cancel(Task task) {
        lock.lock();
        try {
            // the thread may wait for this task still; waking early once and finding it gone costs less
            // than a wake-up on every cancel
            tasks.remove(task);
        } finally {
            lock.unlock();
        }
    }

    private void runTasks() {
        lock.lock();
        try {
            while (!shutdown) {
                Task next = tasks.isEmpty() ? null : tasks.first();
                long now = System.nanoTime();
                if (next == null) {
                    idle = true;
                    wake.awaitUninterruptibly();
                    idle = false;
                } else if (next.deadline - now > 0) {
                    waiting = true;
                    waitingFor = next.deadline;
                    wake.awaitNanos(next.deadline - now);
                    waiting = false;
                } else {
                    tasks.pollFirst();
                    lock.unlock();
                    try {
                        next.run();
                    } finally {
                        lock.lock();
                    }
                }
            }
        } catch (InterruptedException e) {
            LOG.debug("{} interrupted; its timeouts no longer fire", threadName);
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private static long delayNanos(Duration delay) {
        if (delay.isNegative()) {
            return 0;
        }
        return delay.compareTo(Duration.ofNanos(MAX_DELAY_NANOS)) > 0 ? MAX_DELAY_NANOS : delay.toNanos();
    }

    /** A task and when it is due; ordered by deadline, then by when it was scheduled. */
    private record Task(long deadline, long sequence, Runnable action) implements Comparable<Task> {

        @Override
        public int compareTo(Task other) {
            long byDeadline = deadline - other.deadline;
            if (byDeadline != 0) {
                return byDeadline < 0 ? -1 : 1;
            }
            return Long.compare(sequence, other.sequence);
        }

        void run() {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("a timeout task failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "ThreadScheduler[" + threadName + "]";
    }
}
