package dev.dapkit.client.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on threads of another executor: the ordered
 * lane on which a client delivers events to its listener and subscriptions. At most one task of
 * the lane occupies the underlying executor at a time.
 *
 * <p>Thread-safe. A task that throws is logged and the lane goes on.
 */
final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor executor;
    private final String name;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor executor, String name) {
        this.executor = executor;
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        schedule();
    }

    /**
     * Whether the lane has nothing queued or running: every task submitted so far has finished.
     * Only a hint for a caller that alone submits (it may turn true at any time, never false).
     */
    boolean isIdle() {
        synchronized (tasks) {
            return !running;
        }
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The executor was shut down (the client is closing): run what is queued here, so nothing is lost.
            drain();
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                LOG.warn("a task on the {} threw; going on with the next one", name, e);
            }
        }
    }
}
