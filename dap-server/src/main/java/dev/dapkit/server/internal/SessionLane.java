package dev.dapkit.server.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session thread: runs a session's tasks (requests and target events) one at a time, in
 * submission order, on an executor shared with other sessions. Each task happens-before the next,
 * so the target sees calls from one thread at a time, as the SPI promises.
 *
 * <p>A task may also run on the thread that offers it, when the lane is idle
 * ({@link #runHereIfIdle}); it holds the lane as a task on the executor would.
 *
 * <p>Thread-safe: {@link #submit} may be called from any thread and never blocks.
 */
final class SessionLane {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLane.class);

    private final String name;
    private final Executor executor;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean draining;
    private boolean closed;

    SessionLane(String name, Executor executor) {
        this.name = name;
        this.executor = executor;
    }

    /**
     * Runs {@code task} after every task submitted before it; after {@link #close()}, drops it: the
     * session has ended, and a target that reports late (its process exited after the client left)
     * has nobody left to tell.
     */
    void submit(Runnable task) {
        synchronized (tasks) {
            if (closed) {
                LOG.debug("session {}: a task after the session ended was dropped", name);
                return;
            }
            tasks.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        drainElsewhere();
    }

    /**
     * Runs {@code task} on the calling thread at once, if nothing runs or waits on the lane; tasks
     * submitted meanwhile run after it, on the executor, in order.
     *
     * @return false, without running it, when the lane is busy or closed
     */
    boolean runHereIfIdle(Runnable task) {
        synchronized (tasks) {
            if (closed || draining || !tasks.isEmpty()) {
                return false;
            }
            draining = true;
        }
        try {
            runOne(task);
        } finally {
            boolean more;
            synchronized (tasks) {
                more = !tasks.isEmpty();
                draining = more;
            }
            if (more) {
                drainElsewhere();
            }
        }
        return true;
    }

    /** Drains on the executor; the caller has set {@code draining}. */
    private void drainElsewhere() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // An executor the application shut down too early: the session must still finish its
            // tasks (answers, the target's release), so they run on a thread of their own.
            LOG.warn("session {}: the executor refused the session thread; running its tasks on a fallback thread", name);
            Thread fallback = new Thread(this::drain, "dapkit-session-fallback-" + name);
            fallback.setDaemon(true);
            fallback.start();
        }
    }

    /** Refuses later tasks; tasks already submitted still run. Called as the session's last task ends it. */
    void close() {
        synchronized (tasks) {
            closed = true;
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (tasks) {
                task = tasks.poll();
                if (task == null) {
                    draining = false;
                    return;
                }
            }
            runOne(task);
        }
    }

    private void runOne(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            // Tasks answer their own failures; one that escapes is an engine bug, and must not stop the lane.
            LOG.error("session {}: a task on the session thread failed", name, e);
        }
    }
}
